/** Attack seeds as stored: HarmBench behaviours and plain-text requests. */
package org.redteam4j.store.seed;
