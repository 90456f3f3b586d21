/** Automated attack campaigns as stored: one row per attack, committed as it finishes. */
package org.redteam4j.store.attack;
