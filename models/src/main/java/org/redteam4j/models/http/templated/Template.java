package org.redteam4j.models.http.templated;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.secrets.Secret;
import org.redteam4j.models.http.ApiKey;
import org.redteam4j.models.http.ApiKeys;

/**
 * A request template: literal text with {@code {{variable}}} or {@code {{variable|filter}}} slots.
 * Parsed once, when the target is built, so an unknown variable or filter is a config error
 * before any request. {@code ${NAME}} in the literal text (URL and headers only) is resolved then,
 * from the environment or the credentials file; what a slot inserts is never resolved again.
 */
final class Template {

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private sealed interface Part permits Text, Slot {
    }

    private record Text(String text) implements Part {
    }

    private record Slot(Variable variable, Filter filter) implements Part {
    }

    private final List<Part> parts;

    private Template(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * @param where   the target and field, for errors ({@code target bot: http.body})
     * @param keys    where {@code ${NAME}} is looked up; null where {@code ${…}} is not allowed
     * @param secrets receives each value looked up, so that it can be redacted from what the server says
     */
    static Template parse(String text, String where, ApiKeys keys, List<Secret> secrets) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                parts.add(literal(text.substring(at), where, keys, secrets));
                break;
            }
            if (open > at) {
                parts.add(literal(text.substring(at, open), where, keys, secrets));
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new BadInput(where + ": '{{' at character " + (open + 1) + " is not closed by '}}'");
            }
            parts.add(slot(text.substring(open + 2, close), where));
            at = close + 2;
        }
        return new Template(parts);
    }

    private static Slot slot(String inside, String where) {
        String[] pieces = inside.split("\\|", -1);
        String name = pieces[0].strip();
        Variable variable = Variable.fromId(name).orElseThrow(() -> new BadInput(where + ": unknown template variable '"
                + name + "' in {{" + inside + "}}; expected one of " + Variable.ids()));
        if (pieces.length > 2) {
            throw new BadInput(where + ": {{" + inside + "}} has more than one filter; expected at most one of "
                    + Filter.ids());
        }
        Filter filter = Filter.NONE;
        if (pieces.length == 2) {
            String id = pieces[1].strip();
            filter = Filter.fromId(id).orElseThrow(() -> new BadInput(where + ": unknown template filter '" + id
                    + "' in {{" + inside + "}}; expected one of " + Filter.ids()));
        }
        return new Slot(variable, filter);
    }

    private static Text literal(String text, String where, ApiKeys keys, List<Secret> secrets) {
        if (keys == null) {
            if (text.contains("${")) {
                throw new BadInput(where + ": ${…} is not allowed here (environment values go in the url and headers "
                        + "only, so a secret never becomes part of what is sent as the conversation)");
            }
            return new Text(text);
        }
        if (ENV.matcher(text).replaceAll("").contains("${")) {
            throw new BadInput(where + ": '${' must start a variable such as ${BOT_TOKEN} (letters, digits, _)");
        }
        Matcher matcher = ENV.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            ApiKey key = keys.find(name).orElseThrow(() -> new BadInput(where + ": ${" + name + "} is not set; "
                    + keys.whereToPut(name)));
            secrets.add(key.secret());
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(key.reveal()));
        }
        matcher.appendTail(resolved);
        return new Text(resolved.toString());
    }

    boolean uses(Variable variable) {
        return parts.stream().anyMatch(part -> part instanceof Slot slot && slot.variable() == variable);
    }

    /** The first slot, other than {@code {{session}}}, written without one of {@code allowed}: e.g. {@code {{prompt}}}. */
    java.util.Optional<String> slotWithout(java.util.Set<Filter> allowed) {
        return parts.stream()
                .filter(part -> part instanceof Slot slot && slot.variable() != Variable.SESSION && !allowed.contains(slot.filter()))
                .map(part -> "{{" + ((Slot) part).variable().id() + (((Slot) part).filter() == Filter.NONE ? "" : "|"
                        + ((Slot) part).filter().id()) + "}}")
                .findFirst();
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    String render(TemplateValues values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text text) {
                out.append(text.text());
            } else if (part instanceof Slot slot) {
                out.append(slot.filter().apply(values.text(slot.variable()), values.json(slot.variable())));
            }
        }
        return out.toString();
    }
}
