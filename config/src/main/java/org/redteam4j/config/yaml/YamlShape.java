package org.redteam4j.config.yaml;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.redteam4j.core.failure.BadInput;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Walks a YAML text's events (SnakeYAML's parser, the one Jackson reads with) before it is bound,
 * refusing what Jackson would let through silently — a duplicate key (last wins), an alias (read
 * as the anchor's name), a merge key, a second document — and noting the line of every key and
 * list item, so that errors found while binding can name their line.
 */
final class YamlShape {

    /** Deep enough for any declaration; shallow enough that binding never recurses out of stack. */
    static final int MAX_DEPTH = 64;

    /** The path of the document's root value. */
    static final String ROOT = "";

    private static final String NOT_NEEDED = "; anchors, aliases and merge keys are not allowed in redteam4j files "
            + "(write the value out)";

    /** One mapping or list being walked. */
    private static final class Frame {
        final String path;
        final boolean mapping;
        final Map<String, Integer> keyLines = new HashMap<>();
        boolean expectingKey = true;
        String key;
        int index;

        Frame(String path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }
    }

    private final String origin;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private int documents;

    private YamlShape(String origin) {
        this.origin = origin;
    }

    /** Checks {@code yaml}; returns the 1-based line of each key and list item by its path ({@code targets[0].model}). */
    static Map<String, Integer> check(String yaml, String origin) {
        YamlShape shape = new YamlShape(origin);
        try {
            Parser parser = new ParserImpl(new StreamReader(new StringReader(yaml)), new LoaderOptions());
            for (Event event = parser.getEvent(); !event.is(Event.ID.StreamEnd); event = parser.getEvent()) {
                shape.accept(event);
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new BadInput(origin + (mark == null ? "" : ": line " + (mark.getLine() + 1)) + ": not valid YAML: "
                    + (e.getProblem() != null ? e.getProblem() : e.getMessage()), e);
        } catch (YAMLException e) {
            throw new BadInput(origin + ": not valid YAML: " + e.getMessage(), e);
        }
        return shape.lines;
    }

    private void accept(Event event) {
        if (event.is(Event.ID.DocumentStart) && ++documents > 1) {
            throw refuse(event, "a second YAML document ('---'); a redteam4j file holds one");
        }
        if (event instanceof AliasEvent alias) {
            throw refuse(event, "an alias ('*" + alias.getAnchor() + "')" + NOT_NEEDED);
        }
        if (event instanceof NodeEvent node && node.getAnchor() != null) {
            throw refuse(event, "an anchor ('&" + node.getAnchor() + "')" + NOT_NEEDED);
        }
        if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
            stack.pop();
            valueDone();
        } else if (event.is(Event.ID.Scalar) || event.is(Event.ID.MappingStart) || event.is(Event.ID.SequenceStart)) {
            Frame parent = stack.peek();
            if (parent != null && parent.mapping && parent.expectingKey) {
                key(parent, event);
            } else {
                value(parent, event);
            }
        }
    }

    private void key(Frame mapping, Event event) {
        if (!(event instanceof ScalarEvent scalar)) {
            throw refuse(event, "a key that is a " + (event.is(Event.ID.MappingStart) ? "mapping" : "list")
                    + "; keys are names");
        }
        String key = scalar.getValue();
        if (key.equals("<<") && scalar.isPlain()) {
            throw refuse(event, "a merge key ('<<')" + NOT_NEEDED);
        }
        int line = line(event);
        Integer first = mapping.keyLines.putIfAbsent(key, line);
        if (first != null) {
            throw refuse(event, "duplicate key '" + key + "'" + in(mapping.path) + " (first on line " + first
                    + "); each key is given once");
        }
        lines.putIfAbsent(child(mapping.path, key), line);
        mapping.key = key;
        mapping.expectingKey = false;
    }

    private void value(Frame parent, Event event) {
        String path = parent == null ? ROOT : parent.mapping ? child(parent.path, parent.key) : parent.path + "[" + parent.index + "]";
        lines.putIfAbsent(path, line(event));
        if (event.is(Event.ID.Scalar)) {
            valueDone();
        } else if (stack.size() == MAX_DEPTH) {
            throw refuse(event, "mappings and lists nested more than " + MAX_DEPTH + " deep; no redteam4j file needs that");
        } else {
            stack.push(new Frame(path, event.is(Event.ID.MappingStart)));
        }
    }

    private void valueDone() {
        Frame parent = stack.peek();
        if (parent == null) {
            return;
        }
        if (parent.mapping) {
            parent.expectingKey = true;
        } else {
            parent.index++;
        }
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String in(String path) {
        return path.isEmpty() ? "" : " in " + path;
    }

    private static int line(Event event) {
        return event.getStartMark().getLine() + 1;
    }

    private BadInput refuse(Event event, String problem) {
        return new BadInput(origin + ": line " + line(event) + ": " + problem);
    }
}
