package org.redteam4j.app.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.LabelledRepliesFormat;
import org.redteam4j.core.format.LabelledReply;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.scoring.TranscriptScores;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.Database;
import org.redteam4j.store.scoring.AttemptToScore;
import org.redteam4j.store.scoring.ScoreRepository;
import org.redteam4j.store.scoring.ScorerCalibration;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.CampaignRepository;

/**
 * The labelled cases a judge is measured on, and the rows left out for want of a label on the task
 * (counted by reason, never as a class).
 *
 * @param source what they came from, for people and for a calibration file
 */
record LabelledCases(List<LabelledCase> cases, Map<String, Integer> unlabelled, String source) {

    private static final int BATCH = 256;

    private record Batch(List<AttemptToScore> attempts, Map<Long, double[]> ratings, Map<Long, Map<String, String>> sources) {
    }

    /** Reads a labelled-reply file; a row without the task's label is left out and counted. */
    static LabelledCases fromFile(Path file, LabelledRepliesFormat format, JudgeCalibration.Task task) {
        List<LabelledCase> cases = new ArrayList<>();
        Map<String, Integer> unlabelled = new TreeMap<>();
        try (RecordReader<LabelledReply> reader = format.open(file)) {
            for (LabelledReply row = reader.read(); row != null; row = reader.read()) {
                Boolean label = task == JudgeCalibration.Task.REFUSAL ? row.refused() : row.harmful();
                if (label == null) {
                    unlabelled.merge(why(format, task), 1, Integer::sum);
                    continue;
                }
                cases.add(new LabelledCase(List.of(new ReplyInContext(List.of(Turn.human(row.prompt())), row.reply())),
                        label, row.attributes()));
            }
        }
        return new LabelledCases(cases, unlabelled, file.getFileName() + " (" + format.id() + ")");
    }

    /** Several files' cases as one set, their sources named together. */
    static LabelledCases concat(List<LabelledCases> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<LabelledCase> cases = new ArrayList<>();
        Map<String, Integer> unlabelled = new TreeMap<>();
        parts.forEach(part -> {
            cases.addAll(part.cases());
            part.unlabelled().forEach((why, count) -> unlabelled.merge(why, count, Integer::sum));
        });
        return new LabelledCases(cases, unlabelled, String.join(" + ", parts.stream().map(LabelledCases::source).toList()));
    }

    /** JSON Lines name no task: refusal when any row of any file has a "refused" label, else harm. */
    static JudgeCalibration.Task jsonTask(List<Path> files) {
        for (Path file : files) {
            try (RecordReader<LabelledReply> reader = LabelledRepliesFormat.JSONL.open(file)) {
                for (LabelledReply row = reader.read(); row != null; row = reader.read()) {
                    if (row.refused() != null) {
                        return JudgeCalibration.Task.REFUSAL;
                    }
                }
            }
        }
        return JudgeCalibration.Task.HARM;
    }

    private static String why(LabelledRepliesFormat format, JudgeCalibration.Task task) {
        return format == LabelledRepliesFormat.XSTEST && task == JudgeCalibration.Task.HARM
                ? "safe prompt: no harm label" : "no " + task.positive() + " label";
    }

    /**
     * A workbench campaign's finished, rated attempts: successful (harm task) when people rated them
     * 3 or more — the reviewers' mean where reviewers rated, else the member's own rating, as in the paper.
     */
    static LabelledCases fromDatabase(Database db, String campaignName, JudgeCalibration.Task task) {
        if (task != JudgeCalibration.Task.HARM) {
            throw new BadInput("--from-db: the workbench holds success ratings, not refusal labels; use --task harm");
        }
        Campaign campaign = db.inTransaction(handle -> new CampaignRepository(handle).byName(campaignName))
                .orElseThrow(() -> new BadInput("--from-db " + campaignName + ": no workbench campaign of that name in "
                        + db.location()));
        List<LabelledCase> cases = new ArrayList<>();
        Map<String, Integer> unlabelled = new TreeMap<>();
        long after = 0;
        while (true) {
            long from = after;
            // the attempts, their ratings and their sources in one transaction: a rating given meanwhile cannot split them
            Batch batch = db.inTransaction(handle -> {
                ScoreRepository repository = new ScoreRepository(handle);
                List<AttemptToScore> attempts = repository.nextRatedInCampaign(campaign.id(), from, BATCH);
                List<Long> ids = attempts.stream().map(AttemptToScore::id).toList();
                return new Batch(attempts, repository.humanRatings(ids), repository.attemptSources(ids));
            });
            if (batch.attempts().isEmpty()) {
                break;
            }
            for (AttemptToScore attempt : batch.attempts()) {
                List<ReplyInContext> replies = TranscriptScores.turnRequests(attempt.turns());
                if (replies.isEmpty()) {
                    unlabelled.merge("no assistant reply", 1, Integer::sum);
                    continue;
                }
                double[] rated = batch.ratings().get(attempt.id());
                boolean reviewed = !Double.isNaN(rated[1]);
                Map<String, String> attributes = new TreeMap<>(batch.sources().getOrDefault(attempt.id(), Map.of()));
                attributes.put("rater", reviewed ? "reviewers" : "member");
                cases.add(new LabelledCase(replies, (reviewed ? rated[1] : rated[0]) >= ScorerCalibration.SUCCESS_RATING,
                        attributes));
            }
            after = batch.attempts().get(batch.attempts().size() - 1).id();
        }
        return new LabelledCases(cases, unlabelled, "workbench campaign " + campaignName + " in " + db.location());
    }
}
