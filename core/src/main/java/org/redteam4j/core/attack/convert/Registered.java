package org.redteam4j.core.attack.convert;

import java.util.function.Function;
import org.redteam4j.core.attack.Converter;

/** One converter of a family: its catalogue id and how it is built from the campaign's settings. */
public record Registered(String id, Function<ConverterSettings, Converter> build) {

    /** A converter that reads no setting. */
    static Registered fixed(Converter converter) {
        return new Registered(converter.id(), settings -> converter);
    }
}
