package org.redteam4j.models.classifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;

/**
 * How examples are split for validation: the outer split says which examples a fold holds out
 * (null = never held out, always trains), the inner split cuts the training examples into the
 * folds that choose the L2 strength. Every split keeps a {@link Example#group} together.
 */
public record Validation(String name, Function<Example, String> outer, Function<Example, String> inner) {

    /** Refusal: each XSTest model held out in turn; inside, one training source held out in turn. */
    public static Validation leaveOneModelOut() {
        return new Validation("leave-one-model-out", example -> example.source().equals(TrainingData.PROJECT_SOURCE) ? null
                : example.source(), Example::source);
    }

    /** Harm: grouped k-fold by goal (XSTest: by prompt); inside, 3 grouped folds. */
    public static Validation leaveGoalsOut(int folds) {
        return new Validation("leave-goals-out (" + folds + " folds grouped by goal)",
                example -> "goal fold " + (bucket("outer", example.group(), folds) + 1), Validation::innerFold);
    }

    /** Harm: each JailbreakBench attack method held out in turn; XSTest always trains. */
    public static Validation leaveOneMethodOut() {
        return new Validation("leave-one-attack-method-out",
                example -> example.source().startsWith("jailbreakbench/") ? example.source() : null, Validation::innerFold);
    }

    static String innerFold(Example example) {
        return "inner " + bucket("inner", example.group(), 3);
    }

    /** A stable fold from the group's SHA-256, salted so outer and inner folds are independent. */
    static int bucket(String salt, String group, int folds) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((salt + "\u0000" + group).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(value, folds);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
