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
import org.redteam4j.models.pm.PreferenceHead;
import org.redteam4j.store.Database;
import org.redteam4j.store.imports.ImportProgress;
import org.redteam4j.store.imports.Importer;
import org.redteam4j.store.scoring.AttemptScoring;

/**
 * Scoring throughput (assistant turns per second through {@code score}: database reads, batched
 * embeddings, the head, writes) against the raw ONNX embedding throughput for the same texts, in
 * one run, each side with fresh embedders so no cache is shared. The goal is a ratio of 0.7.
 *   ScoringThroughput [PAIRS] [ATTEMPTS]
 */
public final class ScoringThroughput {

    private ScoringThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path pairs = Path.of(args.length > 0 ? args[0] : "../shared/data/hh-rlhf/harmless-base-dev.jsonl.gz");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        List<RedTeamAttempt> attempts = attemptsFrom(pairs, limit);
        Path dir = Files.createTempDirectory("redteam4j-bench");
        Path file = TestFiles.attempts(dir.resolve("attempts.json"), attempts.iterator(), JsonRecordWriter.Layout.ARRAY, false);
        PreferenceHead head = EmbeddedPreferenceModel.loadDefault().head();

        List<String> texts = new ArrayList<>();
        long turns = 0;
        for (RedTeamAttempt attempt : attempts) {
            texts.add(attempt.taskDescription());
            texts.add("Human: \nAssistant: " + attempt.taskDescription());
            List<Turn> all = attempt.transcript().turns();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).isAssistant()) {
                    turns++;
                    String human = lastHuman(all.subList(0, i));
                    texts.add(all.get(i).text());
                    texts.add("Human: " + human + "\nAssistant: " + all.get(i).text());
                }
            }
        }
        System.out.printf("attempts: %d with %d assistant turns; %d texts per embedding model%n", attempts.size(), turns, texts.size());

        for (int round = 1; round <= 2; round++) {
            double raw = rawTurnsPerSecond(head, texts, turns);
            double scored = scoredTurnsPerSecond(head, file, dir.resolve("round" + round + ".db"));
            System.out.printf("round %d: raw embeddings %.1f turns/s, score %.1f turns/s, ratio %.2f (goal >= 0.70)%n",
                    round, raw, scored, scored / raw);
        }
    }

    private static double rawTurnsPerSecond(PreferenceHead head, List<String> texts, long turns) {
        long started = System.nanoTime();
        for (Embedder.Kind kind : head.spec().embedders()) {
            Embedder embedder = new Embedder(kind);
            for (int i = 0; i < texts.size(); i += 32) {
                embedder.raw(texts.subList(i, Math.min(texts.size(), i + 32)));
            }
        }
        return turns / ((System.nanoTime() - started) / 1e9);
    }

    private static double scoredTurnsPerSecond(PreferenceHead head, Path file, Path db) {
        Database database = Database.open(db.toString());
        new Importer(database, false, ImportProgress.NONE).importFile(file, org.redteam4j.core.format.DatasetFormat.RED_TEAM_ATTEMPTS);
        Map<Embedder.Kind, Embedder> fresh = new EnumMap<>(Embedder.Kind.class);
        head.spec().embedders().forEach(kind -> fresh.put(kind, new Embedder(kind)));
        EmbeddedPreferenceModel pm = new EmbeddedPreferenceModel(head, fresh, "pm:bench");
        long started = System.nanoTime();
        AttemptScoring.Result result = new AttemptScoring(database, pm, 64).run(false, (d, t, n) -> { });
        return result.turns() / ((System.nanoTime() - started) / 1e9);
    }

    /** Real conversations: the chosen side of each hh-rlhf preference pair, as an unscored attempt. */
    private static List<RedTeamAttempt> attemptsFrom(Path file, int limit) {
        List<RedTeamAttempt> attempts = new ArrayList<>();
        try (RecordReader<PreferencePair> reader = Datasets.preferencePairs(file)) {
            for (PreferencePair pair = reader.read(); pair != null && attempts.size() < limit; pair = reader.read()) {
                Transcript transcript = pair.chosenTranscript();
                String task = transcript.turns().isEmpty() ? "" : transcript.turns().get(0).text();
                attempts.add(new RedTeamAttempt(transcript, null, "52B", ModelType.CONTEXT_DISTILLATION, 0, task, null,
                        attempts.size() % 50, false, null, null));
            }
        }
        return attempts;
    }

    private static String lastHuman(List<Turn> context) {
        for (int i = context.size() - 1; i >= 0; i--) {
            if (!context.get(i).isAssistant()) {
                return context.get(i).text();
            }
        }
        return "";
    }
}
