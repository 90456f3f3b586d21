package org.redteam4j.core.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON text safe inside HTML and scripts. Besides JSON's own escapes, {@code <}, {@code >},
 * {@code &}, {@code '} and the line separators U+2028/U+2029 (which end a line in older
 * JavaScript) are written as {@code \\uXXXX}: the value parses back the same, yet no text in it
 * can close a tag ({@code </script>}), open a comment ({@code <!--}) or end a quoted attribute.
 * The one writer for JSON an HTML page embeds (the report's explorer) and for values an http
 * target's template splices into a request an application may echo into a page.
 */
public final class ScriptSafeJson {

    private static final ObjectMapper MAPPER = Json.mapper().copy();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafe());
        MAPPER.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private ScriptSafeJson() {
    }

    /** {@code value} (a string, a JsonNode, a record…) as script-safe JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static final class HtmlSafe extends CharacterEscapes {

        private static final SerializableString LINE = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH = new SerializedString("\\u2029");

        private final int[] escapes;

        HtmlSafe() {
            escapes = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? LINE : ch == 0x2029 ? PARAGRAPH : null;
        }
    }
}
