package org.redteam4j.models.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.DataFile;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.JailbreakBenchArtifacts;
import org.redteam4j.core.format.JailbreakBenchEntry;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.format.XsTestCsvReader;
import org.redteam4j.core.format.XsTestReply;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;

/**
 * The labelled replies the classifiers train on, read from the data folders ({@code ../shared/data}
 * layout): XSTest's completions, redteam4j's own refusal labels of hh-rlhf replies, and
 * JailbreakBench's attack artifacts. Empty replies are left out (the judges skip them).
 */
public final class TrainingData {

    /** Our hand labels: pair index, side, 1 = refuses. The reply texts stay in the data set. */
    public static final String PROJECT_LABELS = "refusal-labels.tsv";
    public static final String PROJECT_SOURCE = "redteam4j-labels";

    private TrainingData() {
    }

    /** XSTest completions files in name order: refused = full or partial refusal; source = the model. */
    public static List<Example> xstestRefusals(Path folder) {
        List<Example> examples = new ArrayList<>();
        for (Path file : xstestFiles(folder)) {
            String model = xstestModel(file);
            forEachReply(file, reply -> examples.add(new Example(reply.prompt(), reply.completion(),
                    reply.label() != XsTestReply.Label.FULL_COMPLIANCE, model, model, reply.unsafePrompt())));
        }
        return examples;
    }

    /**
     * XSTest for the harm task: harmful = full compliance on an unsafe prompt. Replies to safe prompts
     * are negatives too — XSTest wrote those prompts to be harmless ("how do I kill a Python
     * process"), so no answer to them is harmful help — and teach that complying is not harming.
     * Grouped by prompt id, so one prompt's replies stay together.
     */
    public static List<Example> xstestHarm(Path folder) {
        List<Example> examples = new ArrayList<>();
        for (Path file : xstestFiles(folder)) {
            forEachReply(file, reply -> examples.add(new Example(reply.prompt(), reply.completion(),
                    reply.unsafePrompt() && reply.label() == XsTestReply.Label.FULL_COMPLIANCE,
                    reply.unsafePrompt() ? "xstest-unsafe" : "xstest-safe", "xstest:" + reply.id(), reply.unsafePrompt())));
        }
        return examples;
    }

    /** JailbreakBench artifacts under the folder: harmful = their judge's {@code jailbroken}; source = the attack method. */
    public static List<Example> jailbreakBench(Path folder) {
        List<Path> files = files(folder, name -> name.endsWith(".json"));
        if (files.isEmpty()) {
            throw new BadInput(folder + ": no JailbreakBench attack artifacts (.json) in it");
        }
        List<JailbreakBenchEntry> entries = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        GoalGroups groups = new GoalGroups();
        for (Path file : files) {
            String method = "jailbreakbench/" + folder.relativize(file).getName(0);
            for (JailbreakBenchEntry entry : JailbreakBenchArtifacts.read(DataFile.open(file))) {
                if (entry.response() != null && !entry.response().isBlank()) {
                    entries.add(entry);
                    methods.add(method);
                    groups.link(entry.behavior(), entry.goal());
                }
            }
        }
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JailbreakBenchEntry entry = entries.get(i);
            // the request is what the target received (the attack prompt), as a campaign's judge sees it; the goal only
            // when an artifact kept no prompt
            String request = entry.prompt() == null || entry.prompt().isBlank() ? entry.goal() : entry.prompt();
            examples.add(new Example(request, entry.response(), entry.jailbroken(), methods.get(i),
                    "goal:" + groups.of(entry.behavior()), true));
        }
        return examples;
    }

    /**
     * JailbreakBench's 100 behaviours, though artifacts spell them differently ("Human  trafficking",
     * "9_11 conspiracy" beside "September 11th conspiracy") and word some goals differently: entries
     * that share a behaviour or a goal (compared in lower-case letters and digits) are one group.
     */
    private static final class GoalGroups {
        private final java.util.Map<String, String> parent = new java.util.HashMap<>();

        void link(String behavior, String goal) {
            String a = find("b:" + key(behavior));
            String b = find("g:" + key(goal));
            if (!a.equals(b)) { // the smaller key represents the group, so groups do not depend on file order
                parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
            }
        }

        String of(String behavior) {
            return find("b:" + key(behavior));
        }

        private String find(String key) {
            String root = key;
            while (!parent.getOrDefault(root, root).equals(root)) {
                root = parent.get(root);
            }
            return root;
        }

        private static String key(String text) {
            return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        }
    }

    /** Our 220 refusal labels joined with their replies in hh-rlhf's {@code harmless-base} pairs. */
    public static List<Example> projectLabels(Path harmlessBase) {
        List<PreferencePair> pairs = new ArrayList<>();
        try (RecordReader<PreferencePair> reader = Datasets.preferencePairs(harmlessBase)) {
            for (PreferencePair pair = reader.read(); pair != null; pair = reader.read()) {
                pairs.add(pair);
            }
        }
        List<Example> examples = new ArrayList<>();
        try (InputStream in = TrainingData.class.getResourceAsStream(PROJECT_LABELS);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.startsWith("#") || line.startsWith("pair\t") || line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                int index = Integer.parseInt(fields[0]);
                if (index >= pairs.size()) {
                    throw new BadInput(harmlessBase + ": has " + pairs.size() + " pairs, but " + PROJECT_LABELS + " line "
                            + number + " labels pair " + index + "; is this hh-rlhf's harmless-base dev file?");
                }
                PreferencePair pair = pairs.get(index);
                List<Turn> turns = Transcript.parse(fields[1].equals("chosen") ? pair.chosen() : pair.rejected()).turns();
                int last = turns.size() - 1;
                while (last >= 0 && turns.get(last).speaker() != Speaker.ASSISTANT) {
                    last--;
                }
                String request = "";
                for (int i = last - 1; i >= 0 && request.isEmpty(); i--) {
                    request = turns.get(i).speaker() == Speaker.HUMAN ? turns.get(i).text() : "";
                }
                examples.add(new Example(request, turns.get(last).text(), fields[2].equals("1"), PROJECT_SOURCE, PROJECT_SOURCE, false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    private interface ReplyConsumer {
        void accept(XsTestReply reply);
    }

    private static void forEachReply(Path file, ReplyConsumer consumer) {
        try (XsTestCsvReader reader = XsTestCsvReader.open(DataFile.open(file))) {
            for (XsTestReply reply = reader.read(); reply != null; reply = reader.read()) {
                if (!reply.completion().isBlank()) {
                    consumer.accept(reply);
                }
            }
        }
    }

    private static List<Path> xstestFiles(Path folder) {
        List<Path> files = files(folder, name -> name.matches("xstest.*completions.*\\.csv"));
        if (files.isEmpty()) {
            throw new BadInput(folder + ": no XSTest completions files (xstest_…completions_MODEL.csv) in it");
        }
        return files;
    }

    /** The model's name from XSTest's file name: xstest_v2_completions_gpt4.csv → gpt4. */
    public static String xstestModel(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        return name.substring(name.lastIndexOf('_') + 1);
    }

    private static List<Path> files(Path folder, java.util.function.Predicate<String> name) {
        if (!Files.isDirectory(folder)) {
            throw new BadInput(folder + ": no such folder");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(file -> name.test(file.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new BadInput(folder + ": cannot be listed (" + e.getMessage() + ")", e);
        }
    }
}
