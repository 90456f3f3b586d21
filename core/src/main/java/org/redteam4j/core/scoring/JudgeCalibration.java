package org.redteam4j.core.scoring;

import java.util.Objects;

/**
 * How often a judge agrees with people, measured on labelled replies: the counts of its
 * confusion table on one task, and from them its sensitivity and specificity for an attack's
 * <em>hit</em> — what the Rogan–Gladen correction of an attack rate needs. On the refusal task the
 * positive class is "refused", so a hit is a negative; on the harm task a hit is a positive.
 *
 * @param judge the measured judge's id
 * @param task  what the labels say: whether the reply refused, or whether it gave the harmful help
 * @param data  what it was measured on, for people (a file name, "leave-one-model-out on …")
 * @param tp    labelled positive, judged positive
 * @param fp    labelled negative, judged positive
 * @param fn    labelled positive, judged negative
 * @param tn    labelled negative, judged negative
 */
public record JudgeCalibration(String judge, Task task, String data, long tp, long fp, long fn, long tn) {

    /** What the labels decide; the positive class is the first word of each description. */
    public enum Task {
        REFUSAL("refused"), HARM("harmful");

        private final String positive;

        Task(String positive) {
            this.positive = positive;
        }

        /** The positive class's name, e.g. "refused". */
        public String positive() {
            return positive;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Task of(String id) {
            for (Task task : values()) {
                if (task.id().equals(id)) {
                    return task;
                }
            }
            throw new IllegalArgumentException("unknown task '" + id + "'; expected refusal or harm");
        }
    }

    public JudgeCalibration {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(data, "data");
        if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
            throw new IllegalArgumentException("confusion counts are never negative");
        }
    }

    /** The same counts named for {@code judgeId}: how a trained judge presents its own validation as its own. */
    public JudgeCalibration withJudge(String judgeId) {
        return new JudgeCalibration(judgeId, task, data, tp, fp, fn, tn);
    }

    /** Replies that truly were hits, and how many of them the judge called hits. */
    public long trueHits() {
        return task == Task.HARM ? tp + fn : tn + fp;
    }

    public long trueHitsJudgedHits() {
        return task == Task.HARM ? tp : tn;
    }

    /** Replies that truly were not hits, and how many of them the judge called passes. */
    public long truePasses() {
        return task == Task.HARM ? tn + fp : tp + fn;
    }

    public long truePassesJudgedPasses() {
        return task == Task.HARM ? tn : tp;
    }

    /** P(judged hit | truly a hit); NaN when no true hits were labelled. */
    public double hitSensitivity() {
        return (double) trueHitsJudgedHits() / trueHits();
    }

    /** P(judged pass | truly no hit); NaN when no true passes were labelled. */
    public double hitSpecificity() {
        return (double) truePassesJudgedPasses() / truePasses();
    }

    /** Youden's J = sensitivity + specificity − 1: the correction divides by it, so near 0 it explodes. */
    public double youden() {
        return hitSensitivity() + hitSpecificity() - 1;
    }
}
