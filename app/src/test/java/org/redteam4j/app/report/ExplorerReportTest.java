package org.redteam4j.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.CliRun;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.SyntheticAttemptsFile;

/** What the explorer embeds in the page (no browser: the browser tests click it). */
class ExplorerReportTest {

    private static final Pattern DATA = Pattern.compile("<script type=\"application/json\" id=\"explorer-data\">(.*?)</script>",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void embedsAtMostTwoThousandAttemptsAUniformSampleAndSaysWhatWasLeftOut() throws Exception {
        Path file = dir.resolve("attempts.json");
        SyntheticAttemptsFile.main(new String[] {"2100", file.toString(), "3"});

        CliRun run = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("file").toString(), "--no-map",
                "--resamples", "100");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(dir.resolve("file/index.html"));
        JsonNode records = embedded(html).get("records");
        assertThat(records).hasSize(2_000);
        assertThat(html).contains("Showing a uniform sample of 2,000 of 2,100 attempts (seed 2022): 100 are left out here, "
                + "and every number above uses all of them.");
        assertThat(html).as("--no-map: the note names no clusters").contains("A click on a row of Table 1 or of any other table")
                .doesNotContain("attack map's clusters");
        assertThat(html).as("the summary numbers use every attempt").contains("2100 attempts");
        assertThat(html).as("with an explorer, rows open their attempts").contains("class=\"filterable\" tabindex=\"0\" data-filter=");
        List<Integer> positions = numbers(records);
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(positions.get(positions.size() - 1)).as("the sample reaches the end of the file").isGreaterThan(2_000);
    }

    @Test
    void aFileAndTheDatabaseItWasImportedIntoShowTheSameSample() throws Exception {
        Path file = dir.resolve("attempts.json");
        SyntheticAttemptsFile.main(new String[] {"120", file.toString(), "3"});
        String db = dir.resolve("same.db").toString();
        assertThat(CliRun.of("import", file.toString(), "--db", db, "--quiet").exitCode()).isZero();

        CliRun fromFile = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("file").toString(), "--no-map",
                "--resamples", "100", "--explorer-limit", "50", "--seed", "11");
        CliRun fromDb = CliRun.of("analyze", "--db", db, "--out", dir.resolve("db").toString(), "--no-map", "--resamples", "100",
                "--explorer-limit", "50", "--seed", "11");

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromDb.exitCode()).as(fromDb.err()).isZero();
        JsonNode fileRecords = embedded(Files.readString(dir.resolve("file/index.html"))).get("records");
        JsonNode dbRecords = embedded(Files.readString(dir.resolve("db/index.html"))).get("records");
        assertThat(numbers(dbRecords)).hasSize(50).isEqualTo(numbers(fileRecords));
        for (int i = 0; i < 50; i++) {
            for (String field : List.of("member", "model_type", "size", "rating", "description", "tags", "turns")) {
                assertThat(dbRecords.get(i).get(field)).as(field + " of record " + i).isEqualTo(fileRecords.get(i).get(field));
            }
        }
    }

    @Test
    void noExplorerWithALimitOfZeroOrFromTablesJson() throws Exception {
        Path file = dir.resolve("attempts.json");
        SyntheticAttemptsFile.main(new String[] {"40", file.toString(), "3"});

        CliRun none = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("none").toString(), "--no-map",
                "--resamples", "100", "--explorer-limit", "0");
        CliRun tables = CliRun.of("analyze", "--tables", dir.resolve("none/tables.json").toString(), "--out",
                dir.resolve("tables").toString());
        CliRun negative = CliRun.of("analyze", "--input", file.toString(), "--out", dir.resolve("x").toString(),
                "--explorer-limit", "-1");

        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(Files.readString(dir.resolve("none/index.html"))).doesNotContain("explorer-data")
                .contains("No attempts to explore: left out (--explorer-limit 0).");
        assertThat(tables.exitCode()).as(tables.err()).isZero();
        assertThat(Files.readString(dir.resolve("tables/index.html"))).doesNotContain("explorer-data")
                .contains("No attempts to explore: this report was made from a tables.json (--tables)");
        for (String page : List.of("none/index.html", "tables/index.html")) { // no explorer: no row looks or acts clickable
            assertThat(Files.readString(dir.resolve(page))).as(page).contains("<tr><td>")
                    .doesNotContain("class=\"filterable\"", "tabindex=\"0\"", " data-filter=\"");
        }
        assertThat(negative.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(negative.err()).contains("--explorer-limit");
    }

    @Test
    void theEmbeddedJsonCannotEndTheScriptElementAndKeepsItsValue() throws Exception {
        String hostile = "</script><!--<script>]]>&\u2028\u2029 \"quoted\"";
        String safe = org.redteam4j.core.format.ScriptSafeJson.write(Json.mapper().createObjectNode().put("text", hostile));

        assertThat(safe).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        assertThat(Json.mapper().readTree(safe).get("text").asText()).isEqualTo(hostile);
    }

    @Test
    void theTargetFilterListsTargetsByModelTypeThenSizeAsTheCampaignChartsDo() {
        List<org.redteam4j.store.analysis.ExplorerQueries.Positioned<org.redteam4j.store.analysis.ExplorerAttack>> attacks =
                new ArrayList<>();
        String[][] targets = {{"rlhf-52B", "rlhf 52B"}, {"plain-13B", "plain lm 13B"}, {"rlhf-2.7B", "rlhf 2.7B"},
                {"plain-2.7B", "plain lm 2.7B"}, {"odd", null}};
        for (String[] t : targets) {
            attacks.add(new org.redteam4j.store.analysis.ExplorerQueries.Positioned<>(attacks.size(),
                    new org.redteam4j.store.analysis.ExplorerAttack("c", "k" + attacks.size(), t[0], t[1], "direct", null, "asks how to pick a lock",
                            "miss", List.of(), null, List.of())));
        }
        Explorer explorer = new Explorer(0, attacks.size(), 1, List.of(), attacks, null);

        List<String> order = new ArrayList<>();
        ExplorerJson.of(explorer, null).path("facets").path("target").forEach(o -> order.add(o.path("value").asText()));

        // by name, 13B would come before 2.7B and plain-… before rlhf-… only by luck
        assertThat(order).containsExactly("plain-2.7B", "plain-13B", "rlhf-2.7B", "rlhf-52B", "odd");
    }

    static JsonNode embedded(String html) throws Exception {
        Matcher matcher = DATA.matcher(html);
        assertThat(matcher.find()).as("the page embeds the explorer's records").isTrue();
        return Json.mapper().readTree(matcher.group(1));
    }

    private static List<Integer> numbers(JsonNode records) {
        List<Integer> numbers = new ArrayList<>();
        records.forEach(record -> numbers.add(record.get("n").asInt()));
        return numbers;
    }
}
