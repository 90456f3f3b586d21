package org.redteam4j.core.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conversation in the hh-rlhf text format. Parsing never assumes that turns alternate (the
 * released data has a few more Assistant than Human markers) and printing is exact:
 * {@code Transcript.parse(t).text().equals(t)} for every string {@code t}.
 *
 * @param preamble text before the first speaker marker, usually empty
 * @param turns    the turns in order
 */
public record Transcript(String preamble, List<Turn> turns) {

    private static final String SEPARATOR = "\n\n";

    public Transcript {
        Objects.requireNonNull(preamble, "preamble");
        turns = List.copyOf(turns);
    }

    public static Transcript of(List<Turn> turns) {
        return new Transcript("", turns);
    }

    public static Transcript parse(String text) {
        List<Turn> turns = new ArrayList<>();
        Marker current = Marker.next(text, 0);
        String preamble = current == null ? text : text.substring(0, current.start);
        while (current != null) {
            Marker following = Marker.next(text, current.bodyStart);
            int end = following == null ? text.length() : following.start;
            String body = text.substring(current.bodyStart, end);
            boolean spaced = body.startsWith(" ");
            turns.add(new Turn(current.speaker, spaced ? body.substring(1) : body, !spaced));
            current = following;
        }
        return new Transcript(preamble, turns);
    }

    /** The transcript in the hh-rlhf text format. */
    public String text() {
        StringBuilder out = new StringBuilder(preamble);
        for (Turn turn : turns) {
            out.append(SEPARATOR).append(turn.speaker().label()).append(':');
            if (!turn.bareMarker()) {
                out.append(' ');
            }
            out.append(turn.text());
        }
        return out.toString();
    }

    public List<Turn> assistantTurns() {
        return turns.stream().filter(Turn::isAssistant).toList();
    }

    public Transcript append(Turn turn) {
        List<Turn> longer = new ArrayList<>(turns);
        longer.add(turn);
        return new Transcript(preamble, longer);
    }

    @Override
    public String toString() {
        return text();
    }

    /** A speaker marker found in the text: {@code \n\nHuman:} or {@code \n\nAssistant:}. */
    private record Marker(Speaker speaker, int start, int bodyStart) {

        static Marker next(String text, int from) {
            Marker best = null;
            for (Speaker speaker : Speaker.values()) {
                String marker = SEPARATOR + speaker.label() + ":";
                int at = text.indexOf(marker, from);
                if (at >= 0 && (best == null || at < best.start)) {
                    best = new Marker(speaker, at, at + marker.length());
                }
            }
            return best;
        }
    }
}
