package org.redteam4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.attempt.ModelType;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.testing.TestFiles;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import org.redteam4j.models.pm.Embedder;
import org.redteam4j.models.pm.Featurizer;
import org.redteam4j.models.pm.PreferenceHead;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.scoring.TranscriptScores;
import org.redteam4j.store.Database;
import org.redteam4j.store.imports.ImportProgress;
import org.redteam4j.store.imports.Importer;
import org.redteam4j.store.scoring.AttemptScoring;

/**
 * {@code score --rescore} throughput (assistant turns per second: database reads, embeddings, the
 * head, writes) of the preference model now and of the implementation at commit cc64b5c
 * ({@link LegacyPreferenceModel}), on one database of multi-turn hh-rlhf conversations, against
 * the machine's limit: ONNX Runtime's batched throughput on exactly the model inputs the
 * preference model runs (the reply alone and request+reply, for each embedding model). One run, fresh embedders for each side (no shared cache). Goals: now ≥ 10 × cc64b5c, and
 * now ≥ 0.8 × the batched limit.
 *   ScoringThroughput [PAIRS] [ATTEMPTS]
 */
public final class ScoringThroughput {

    private ScoringThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path pairs = Path.of(args.length > 0 ? args[0] : "../shared/data/hh-rlhf/harmless-base-dev.jsonl.gz");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<RedTeamAttempt> attempts = attemptsFrom(pairs, limit);
        Path dir = Files.createTempDirectory("redteam4j-bench");
        Path file = TestFiles.attempts(dir.resolve("attempts.json"), attempts.iterator(), JsonRecordWriter.Layout.ARRAY, false);
        PreferenceHead head = EmbeddedPreferenceModel.loadDefault().head();
        List<ReplyInContext> items = new ArrayList<>();
        for (RedTeamAttempt attempt : attempts) {
            items.addAll(TranscriptScores.requests(attempt.taskDescription(), attempt.transcript().turns()));
        }
        long turns = items.size() - attempts.size();
        System.out.printf("%d multi-turn conversations with %d assistant turns (and %d task descriptions)%n",
                attempts.size(), turns, attempts.size());

        double limitSeconds = 0;
        for (Embedder.Kind kind : head.spec().embedders()) {
            Embedder embedder = new Embedder(kind);
            List<long[]> windows = new ArrayList<>();
            if (head.spec().reply()) {
                windows.addAll(embedder.inputs(items.stream().map(ReplyInContext::reply).toList()));
            }
            if (head.spec().joint()) {
                windows.addAll(embedder.windows(Featurizer.requestAndReply(items)));
            }
            try (BatchedOnnx batched = new BatchedOnnx(kind)) {
                batched.seconds(windows.subList(0, Math.min(64, windows.size()))); // warm up
                limitSeconds += batched.seconds(windows);
            }
        }
        double machine = turns / limitSeconds;
        double legacy = scoredTurnsPerSecond(new LegacyPreferenceModel(), file, dir.resolve("cc64b5c.db"));
        Map<Embedder.Kind, Embedder> fresh = new EnumMap<>(Embedder.Kind.class);
        head.spec().embedders().forEach(kind -> fresh.put(kind, new Embedder(kind)));
        double now = scoredTurnsPerSecond(new EmbeddedPreferenceModel(head, fresh, "pm:bench"), file, dir.resolve("now.db"));
        System.out.printf("score --rescore at cc64b5c: %.1f turns/s%n", legacy);
        System.out.printf("score --rescore now:        %.1f turns/s  (%s)%n", now, head.spec().describe());
        System.out.printf("batched ONNX Runtime on the same model inputs: %.1f turns/s%n", machine);
        System.out.printf("now / cc64b5c = %.1f (goal >= 10); now / batched limit = %.2f (goal >= 0.80)%n", now / legacy, now / machine);
    }

    private static double scoredTurnsPerSecond(HarmlessnessScorer scorer, Path file, Path db) {
        Database database = Database.open(db.toString());
        new Importer(database, false, ImportProgress.NONE).importFile(file, org.redteam4j.core.format.DatasetFormat.RED_TEAM_ATTEMPTS);
        scorer.scoreEach(List.of(new ReplyInContext(List.of(Turn.human("warm up")), "A warm-up reply."))); // loads, JIT
        long started = System.nanoTime();
        AttemptScoring.Result result = new AttemptScoring(database, scorer, 64).run(true, (d, t, n) -> { });
        return result.turns() / ((System.nanoTime() - started) / 1e9);
    }

    /** Real multi-turn conversations: the chosen side of hh-rlhf pairs with two or more replies, as unscored attempts. */
    private static List<RedTeamAttempt> attemptsFrom(Path file, int limit) {
        List<RedTeamAttempt> attempts = new ArrayList<>();
        try (RecordReader<PreferencePair> reader = Datasets.preferencePairs(file)) {
            for (PreferencePair pair = reader.read(); pair != null && attempts.size() < limit; pair = reader.read()) {
                Transcript transcript = pair.chosenTranscript();
                if (transcript.assistantTurns().size() < 2) {
                    continue;
                }
                String task = transcript.turns().isEmpty() ? "" : transcript.turns().get(0).text();
                attempts.add(new RedTeamAttempt(transcript, null, "52B", ModelType.CONTEXT_DISTILLATION, 0, task, null,
                        attempts.size() % 50, false, null, null));
            }
        }
        return attempts;
    }
}
