/**
 * The built-in converters, by family: {@link Encodings} and {@link Smuggling} (each with an
 * instruction to decode), {@link LookAlikes}, {@link Noise} (random, seeded by the prompt) and
 * {@link Wordplay} (obfuscations), {@link Wrappers} (the prompt inside another format) and
 * {@link AttackerRewrites} (one attacker call each). {@link org.redteam4j.core.attack.Converters}
 * is the one registry that names them.
 */
package org.redteam4j.core.attack.convert;
