package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.analysis.MemberStatistics;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.Records;
import org.redteam4j.core.format.SyntheticAttemptsFile;
import org.redteam4j.core.testing.TestFiles;

/** What analyze says about its own numbers: the --json mean, the meta line, and --tables with options that do not apply. */
class AnalyzeHeadlinesTest {

    @TempDir
    Path dir;

    @Test
    void jsonMeanIsTheOverallMeanAndTablesWarnsAboutOptionsThatDoNotApply() throws Exception {
        Path file = dir.resolve("generated.json");
        SyntheticAttemptsFile.main(new String[] {"200", file.toString(), "5"});
        CliRun run = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("r").toString(), "--resamples", "200",
                "--no-map", "--explorer-limit", "0", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode headline = Json.mapper().readTree(run.out());
        JsonNode tables = Json.mapper().readTree(dir.resolve("r/tables.json").toFile());
        assertThat(headline.get("mean_rating").asDouble()).isEqualTo(tables.get("meanRating").get("estimate").asDouble());

        CliRun plain = CliRun.of("analyze", "--tables", dir.resolve("r/tables.json").toString(), "--out", dir.resolve("t").toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.err()).doesNotContain("Warning");
        CliRun given = CliRun.of("analyze", "--tables", dir.resolve("r/tables.json").toString(), "--out", dir.resolve("t2").toString(),
                "--seed", "5", "--bootstrap", "attempts");
        assertThat(given.exitCode()).as(given.err()).isZero();
        assertThat(given.err()).contains("Warning: --bootstrap, --seed do not apply with --tables");

        // a file from before the interpolated share: its rounded share is recomputed from the counts per member
        ObjectNode old = (ObjectNode) tables.deepCopy();
        ((ObjectNode) old.get("members")).put("shareFromTop15Percent", 0.999).remove(List.of("permutations", "tau2PermutedWithin"));
        Path oldFile = Files.writeString(dir.resolve("old.json"), old.toString());
        CliRun fromOld = CliRun.of("analyze", "--tables", oldFile.toString(), "--out", dir.resolve("o").toString(), "--json");
        assertThat(fromOld.exitCode()).as(fromOld.err()).isZero();
        List<Long> counts = new ArrayList<>();
        tables.get("members").get("attemptsPerMember").forEach(n -> counts.add(n.asLong()));
        assertThat(Json.mapper().readTree(fromOld.out()).get("share_from_top_15_percent_of_members").asDouble())
                .isEqualTo(MemberStatistics.topShare(counts, 0.15)).isNotEqualTo(0.999);
    }

    @Test
    void oneMemberHasNoIntervalsAndTheGroupNoteIsForMemberResamplingOnly() throws Exception {
        Path file = TestFiles.write(dir.resolve("one.json"), Records.array(Records.json(n -> n.put("rating", 0)),
                Records.json(n -> n.put("rating", 4)), Records.json(n -> n.put("rating", 2))));
        CliRun members = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("m").toString(), "--no-map",
                "--resamples", "200");
        CliRun attempts = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("a").toString(), "--no-map",
                "--resamples", "200", "--bootstrap", "attempts");
        assertThat(members.exitCode()).as(members.err()).isZero();
        assertThat(attempts.exitCode()).as(attempts.err()).isZero();
        String m = meta(Files.readString(dir.resolve("m/index.html")));
        String a = meta(Files.readString(dir.resolve("a/index.html")));
        assertThat(m).contains("with one member there is nothing to resample, so the attempts’ figures have no intervals".replace('’', '\''))
                .doesNotContain("rough").contains("“—” for no interval (a group with one member)");
        assertThat(a).contains("“—” for no interval").doesNotContain("a group with one member").doesNotContain("nothing to resample");
    }

    private static String meta(String html) {
        int start = html.indexOf("<p class=\"meta\">");
        return html.substring(start, html.indexOf("</p>", start)).replace("&#39;", "'");
    }
}
