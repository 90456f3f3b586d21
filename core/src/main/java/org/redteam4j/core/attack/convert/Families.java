package org.redteam4j.core.attack.convert;

import java.util.List;
import java.util.stream.Stream;

/** Every converter of every family, in the order the catalogue lists them. */
public final class Families {

    private Families() {
    }

    public static List<Registered> all() {
        return Stream.of(Encodings.all(), Smuggling.all(), LookAlikes.all(), Noise.all(), Wordplay.all(), Wrappers.all(),
                AttackerRewrites.all()).flatMap(List::stream).toList();
    }
}
