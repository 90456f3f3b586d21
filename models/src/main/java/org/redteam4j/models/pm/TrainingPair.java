package org.redteam4j.models.pm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;

/** A preference pair as the trainer sees it: the less harmful and the more harmful reply, each in its context. */
public record TrainingPair(ReplyInContext chosen, ReplyInContext rejected) {

    /** Splits each transcript at its last assistant turn; null when either side has none. */
    public static TrainingPair of(PreferencePair pair) {
        ReplyInContext chosen = lastReply(pair.chosenTranscript());
        ReplyInContext rejected = lastReply(pair.rejectedTranscript());
        return chosen == null || rejected == null ? null : new TrainingPair(chosen, rejected);
    }

    private static ReplyInContext lastReply(Transcript transcript) {
        List<Turn> turns = transcript.turns();
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).isAssistant()) {
                return new ReplyInContext(turns.subList(0, i), turns.get(i).text());
            }
        }
        return null;
    }

    /**
     * Whether a pair belongs to the held-out test split: decided by a hash of its content, so every
     * command and every file agrees, and no pair in the split is ever trained on.
     */
    public static boolean inTestSplit(PreferencePair pair, double testFraction) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((pair.chosen() + "\u0000" + pair.rejected()).getBytes(StandardCharsets.UTF_8));
            long bucket = Math.floorMod(ByteBuffer.wrap(digest).getLong(), 10_000L);
            return bucket < Math.round(testFraction * 10_000);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
