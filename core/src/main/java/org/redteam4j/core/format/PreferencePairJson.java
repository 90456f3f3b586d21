package org.redteam4j.core.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.redteam4j.core.attempt.PreferencePair;

/** The fields of hh-rlhf preference pairs: {@code {"chosen": T, "rejected": T}}. */
public final class PreferencePairJson {

    public static final String CHOSEN = "chosen";
    public static final String REJECTED = "rejected";

    private PreferencePairJson() {
    }

    public static PreferencePair read(ObjectNode node, RecordPosition position) {
        JsonFields fields = new JsonFields(node, position);
        return new PreferencePair(fields.string(CHOSEN), fields.string(REJECTED));
    }

    public static void write(PreferencePair pair, JsonGenerator out) throws IOException {
        write(pair, false, out);
    }

    /** {@code abandoned}: the pair comes from an abandoned attempt, marked {@code "abandoned": true} after its two fields. */
    public static void write(PreferencePair pair, boolean abandoned, JsonGenerator out) throws IOException {
        write(pair, abandoned, false, out);
    }

    /** {@code simulated}: the pair's replies come from a simulated target, marked {@code "simulated": true} last. */
    public static void write(PreferencePair pair, boolean abandoned, boolean simulated, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField(CHOSEN, pair.chosen());
        out.writeStringField(REJECTED, pair.rejected());
        if (abandoned) {
            out.writeBooleanField("abandoned", true);
        }
        if (simulated) {
            out.writeBooleanField("simulated", true);
        }
        out.writeEndObject();
    }
}
