package org.redteam4j.core.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured secrets and the one redaction rule: every occurrence of a secret's value in a
 * text becomes {@link #mark(String) [redacted NAME]}. Matching is exact and in one pass, longest
 * value first where two overlap, so a mark is never itself rewritten. Every value counts, however
 * short: a short secret is still a secret, and the mark shows where it was removed. Immutable and
 * thread-safe.
 */
public final class Secrets {

    public static final Secrets NONE = new Secrets(List.of());

    /** Longest value first, so the longer of two overlapping secrets wins. */
    private final List<Secret> secrets;

    private Secrets(List<Secret> secrets) {
        this.secrets = secrets;
    }

    /** These secrets; a value listed twice keeps its first name. */
    public static Secrets of(Collection<Secret> secrets) {
        Map<String, Secret> byValue = new LinkedHashMap<>();
        secrets.forEach(secret -> byValue.putIfAbsent(secret.value(), secret));
        List<Secret> ordered = new ArrayList<>(byValue.values());
        ordered.sort(Comparator.comparingInt((Secret secret) -> secret.value().length()).reversed());
        return new Secrets(List.copyOf(ordered));
    }

    public static Secrets of(Secret... secrets) {
        return of(List.of(secrets));
    }

    /** These secrets and {@code other}'s. */
    public Secrets plus(Secrets other) {
        if (other.secrets.isEmpty()) {
            return this;
        }
        List<Secret> all = new ArrayList<>(secrets);
        all.addAll(other.secrets);
        return of(all);
    }

    /** What stands in a text where a secret was: it names the secret, never its value. */
    public static String mark(String name) {
        return "[redacted " + name + "]";
    }

    /** The names of the secrets, for messages; never their values. */
    public List<String> names() {
        return secrets.stream().map(Secret::name).toList();
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** {@code text} with every secret replaced by its mark; null stays null. */
    public String redact(String text) {
        return text == null ? null : scan(text).text();
    }

    /** {@code text} redacted, and which secrets it held. */
    public Redacted scan(String text) {
        if (text == null) {
            return new Redacted(null, List.of());
        }
        List<Secret> present = secrets.stream().filter(secret -> text.contains(secret.value())).toList();
        if (present.isEmpty()) {
            return new Redacted(text, List.of());
        }
        StringBuilder out = new StringBuilder(text.length());
        Set<String> found = new LinkedHashSet<>();
        int at = 0;
        while (at < text.length()) {
            Secret match = matchAt(present, text, at);
            if (match == null) {
                out.append(text.charAt(at++));
            } else {
                out.append(mark(match.name()));
                found.add(match.name());
                at += match.value().length();
            }
        }
        return new Redacted(out.toString(), List.copyOf(found));
    }

    /**
     * How much of {@code text}, a reply still arriving, may be shown now: the longest prefix that
     * no secret crosses and that leaves out an end which could be the start of a secret still
     * arriving. What it leaves is shown once more text settles it, redacted by {@link #scan}.
     */
    public int settled(CharSequence arriving) {
        String text = arriving.toString();
        int cut = text.length();
        for (Secret secret : secrets) {
            String value = secret.value();
            for (int k = Math.min(value.length() - 1, text.length()); k > 0; k--) {
                if (text.endsWith(value.substring(0, k))) {
                    cut = Math.min(cut, text.length() - k);
                    break;
                }
            }
        }
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Secret secret : secrets) {
                String value = secret.value();
                int at = text.indexOf(value, Math.max(0, cut - value.length() + 1));
                if (at >= 0 && at < cut && at + value.length() > cut) {
                    cut = at;
                    moved = true;
                }
            }
        }
        return cut;
    }

    private static Secret matchAt(List<Secret> present, String text, int at) {
        for (Secret secret : present) {
            if (text.startsWith(secret.value(), at)) {
                return secret;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Secrets" + names();
    }
}
