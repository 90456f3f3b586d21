package org.redteam4j.core.attack.convert;

import org.redteam4j.core.attack.Converter;

/** A converter whose output can be read back exactly: encodings, smuggling, wrappers. */
public interface Reversible extends Converter {

    /** The prompt {@link #convert} was given, from what it returned. */
    String decode(String converted);
}
