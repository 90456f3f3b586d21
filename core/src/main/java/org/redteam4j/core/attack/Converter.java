package org.redteam4j.core.attack;

/** Rewrites an attack prompt (encodings, obfuscations, translation); chainable. */
public interface Converter {

    String id();

    String convert(String prompt);
}
