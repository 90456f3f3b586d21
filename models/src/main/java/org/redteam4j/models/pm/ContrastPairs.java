package org.redteam4j.models.pm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.DataFile;
import org.redteam4j.core.format.JailbreakBenchArtifacts;
import org.redteam4j.core.format.JailbreakBenchEntry;
import org.redteam4j.core.format.XsTestCsvReader;
import org.redteam4j.core.format.XsTestReply;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;

/**
 * Preference pairs from labelled replies of other data sets, for training only: for one harmful
 * request, a refusal is less harmful than an answer. A JailbreakBench artifact gives, per goal,
 * each jailbroken response against a response of the same goal that was not (taken in turn); XSTest's
 * completions give, per unsafe prompt, each full compliance against the first full refusal (files in
 * name order). The request is the goal or prompt as one human turn. Partial refusals are left out.
 */
public final class ContrastPairs {

    private ContrastPairs() {
    }

    /** Pairs from a JailbreakBench artifact (.json), an XSTest completions file (.csv) or a folder of them. */
    public static List<PreferencePair> from(Path path) {
        if (!Files.exists(path)) {
            throw new BadInput(path + ": no such file or folder");
        }
        List<Path> files = files(path);
        if (files.isEmpty()) {
            throw new BadInput(path + ": no JailbreakBench artifacts (.json) or XSTest completions (.csv) in it");
        }
        Map<String, List<String>> refusedByGoal = new LinkedHashMap<>();
        Map<String, List<String>> brokenByGoal = new LinkedHashMap<>();
        Map<String, String> promptById = new LinkedHashMap<>();
        Map<String, String> refusalById = new LinkedHashMap<>();
        Map<String, List<String>> compliancesById = new LinkedHashMap<>();
        for (Path file : files) {
            if (file.toString().endsWith(".json")) {
                for (JailbreakBenchEntry entry : JailbreakBenchArtifacts.read(DataFile.open(file))) {
                    if (entry.response() != null && !entry.response().isBlank()) {
                        (entry.jailbroken() ? brokenByGoal : refusedByGoal).computeIfAbsent(entry.goal(), goal -> new ArrayList<>())
                                .add(entry.response());
                    }
                }
            } else {
                try (XsTestCsvReader reader = XsTestCsvReader.open(DataFile.open(file))) {
                    for (XsTestReply reply = reader.read(); reply != null; reply = reader.read()) {
                        if (!reply.unsafePrompt() || reply.completion().isBlank()) {
                            continue;
                        }
                        promptById.putIfAbsent(reply.id(), reply.prompt());
                        if (reply.label() == XsTestReply.Label.FULL_REFUSAL) {
                            refusalById.putIfAbsent(reply.id(), reply.completion());
                        } else if (reply.label() == XsTestReply.Label.FULL_COMPLIANCE) {
                            compliancesById.computeIfAbsent(reply.id(), id -> new ArrayList<>()).add(reply.completion());
                        }
                    }
                }
            }
        }
        List<PreferencePair> pairs = new ArrayList<>();
        brokenByGoal.forEach((goal, broken) -> {
            List<String> refused = refusedByGoal.getOrDefault(goal, List.of());
            for (int i = 0; i < broken.size() && !refused.isEmpty(); i++) {
                pairs.add(pair(goal, refused.get(i % refused.size()), broken.get(i)));
            }
        });
        compliancesById.forEach((id, compliances) -> {
            String refusal = refusalById.get(id);
            if (refusal != null) {
                compliances.forEach(compliance -> pairs.add(pair(promptById.get(id), refusal, compliance)));
            }
        });
        return pairs;
    }

    private static PreferencePair pair(String request, String lessHarmful, String moreHarmful) {
        return new PreferencePair(Transcript.of(List.of(Turn.human(request), Turn.assistant(lessHarmful))).text(),
                Transcript.of(List.of(Turn.human(request), Turn.assistant(moreHarmful))).text());
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".json") || file.getFileName().toString().matches("xstest.*completions.*\\.csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInput(path + ": cannot be listed (" + e.getMessage() + ")", e);
        }
    }
}
