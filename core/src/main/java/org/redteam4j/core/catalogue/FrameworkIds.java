package org.redteam4j.core.catalogue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where something lands in the two frameworks: OWASP Top 10 for LLM Applications 2025 ids
 * ({@code LLM01:2025}) and MITRE ATLAS technique ids ({@code AML.T0054}), each in the framework's
 * order (OWASP LLM01 … LLM10; ATLAS by number, a sub-technique after its technique); empty where
 * no entry fits.
 */
public record FrameworkIds(List<String> owasp, List<String> atlas) {

    public static final FrameworkIds NONE = new FrameworkIds(List.of(), List.of());

    public FrameworkIds {
        owasp = List.copyOf(new TreeSet<>(owasp));
        atlas = List.copyOf(new TreeSet<>(atlas));
    }

    /** Both ids of {@code this} and {@code other}. */
    public FrameworkIds union(FrameworkIds other) {
        Set<String> o = new TreeSet<>(owasp);
        o.addAll(other.owasp);
        Set<String> a = new TreeSet<>(atlas);
        a.addAll(other.atlas);
        return new FrameworkIds(List.copyOf(o), List.copyOf(a));
    }

    public boolean isEmpty() {
        return owasp.isEmpty() && atlas.isEmpty();
    }

    /** Every id, OWASP's first. */
    public List<String> all() {
        return Stream.concat(owasp.stream(), atlas.stream()).toList();
    }
}
