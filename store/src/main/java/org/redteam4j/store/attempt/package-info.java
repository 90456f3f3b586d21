/** Attempts as stored: the conversation's turns, the candidate replies, tags and scores. */
package org.redteam4j.store.attempt;
