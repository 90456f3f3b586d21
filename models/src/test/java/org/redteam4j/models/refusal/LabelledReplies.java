package org.redteam4j.models.refusal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.core.transcript.Transcript;

/** Our hand labels (pair, side, refuses) joined with the reply texts read from ../shared at test time. */
final class LabelledReplies {

    record Labelled(int pair, String side, String reply, boolean refuses) {
    }

    private LabelledReplies() {
    }

    static List<Labelled> load() throws IOException {
        List<PreferencePair> pairs = new ArrayList<>();
        try (RecordReader<PreferencePair> reader = Datasets.preferencePairs(SharedData.harmlessBaseDev())) {
            for (PreferencePair pair = reader.read(); pair != null; pair = reader.read()) {
                pairs.add(pair);
            }
        }
        List<Labelled> labelled = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LabelledReplies.class.getResourceAsStream("refusal-labels.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.startsWith("pair\t")) {
                    continue;
                }
                String[] fields = line.split("\t");
                int index = Integer.parseInt(fields[0]);
                PreferencePair pair = pairs.get(index);
                Transcript transcript = Transcript.parse(fields[1].equals("chosen") ? pair.chosen() : pair.rejected());
                List<org.redteam4j.core.transcript.Turn> replies = transcript.assistantTurns();
                labelled.add(new Labelled(index, fields[1], replies.get(replies.size() - 1).text(), fields[2].equals("1")));
            }
        }
        return labelled;
    }
}
