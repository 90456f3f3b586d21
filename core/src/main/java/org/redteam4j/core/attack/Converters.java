package org.redteam4j.core.attack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.attack.convert.ConverterSettings;
import org.redteam4j.core.attack.convert.Families;
import org.redteam4j.core.attack.convert.Registered;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Kind;

/** The one registry of the built-in converters (package {@code convert}, by family), named by their catalogue ids. */
public final class Converters {

    private static final Map<String, Registered> REGISTRY = registry(Families.all());

    private Converters() {
    }

    /** The converter named {@code id} (a catalogue id), with {@code settings} (null: the defaults) for those that read one. */
    public static Converter byId(String id, ConverterSettings settings) {
        Catalogue.require(Kind.CONVERTER, id, "");
        Registered registered = REGISTRY.get(id);
        if (registered == null) {
            throw new IllegalStateException("catalogue converter '" + id + "' has no implementation");
        }
        return registered.build().apply(settings == null ? ConverterSettings.DEFAULTS : settings);
    }

    /** The ids of every registered converter, in the catalogue's order of families. */
    public static List<String> ids() {
        return List.copyOf(REGISTRY.keySet());
    }

    private static Map<String, Registered> registry(List<Registered> all) {
        Map<String, Registered> registry = new LinkedHashMap<>();
        for (Registered registered : all) {
            if (registry.put(registered.id(), registered) != null) {
                throw new IllegalStateException("two converters are called '" + registered.id() + "'");
            }
        }
        return registry;
    }
}
