/**
 * Running many attacks: a plan of (target × seed × strategy × repetition), bounded concurrency, a
 * global budget, judges, and a ledger that commits each finished attack so a killed run resumes
 * without repeating or losing anything.
 */
package org.redteam4j.core.campaign;
