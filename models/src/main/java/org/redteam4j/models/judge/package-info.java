/**
 * {@code llm:SPEC}: any ChatModel grading replies with our rubric. The text under judgement is
 * hostile: it is fenced by delimiters carrying a fresh random nonce, the judge is told to treat
 * everything inside as data, and only the judge's structured answer carrying that nonce is read.
 * {@code guard:SPEC}: a safety classifier (Llama Guard 3/4) reading the exchange as a conversation
 * and answering safe, or unsafe with hazard category codes; any other answer is an error.
 */
package org.redteam4j.models.judge;
