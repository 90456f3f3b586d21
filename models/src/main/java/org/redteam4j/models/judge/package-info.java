/**
 * {@code judge:SPEC}: any ChatModel grading replies with our rubric. The text under judgement is
 * hostile: it is fenced by delimiters carrying a fresh random nonce, the judge is told to treat
 * everything inside as data, and only the judge's structured answer is read.
 */
package org.redteam4j.models.judge;
