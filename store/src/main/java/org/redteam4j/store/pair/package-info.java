/** Preference pairs as imported from hh-rlhf harmless-base files. */
package org.redteam4j.store.pair;
