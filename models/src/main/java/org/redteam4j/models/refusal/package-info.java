/**
 * Refusal detection that is not a bare keyword list: opening refusal phrases, and the embedding
 * similarity of the reply to refusal and evasion exemplars against its similarity to answers.
 */
package org.redteam4j.models.refusal;
