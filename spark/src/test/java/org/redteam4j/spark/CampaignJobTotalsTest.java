package org.redteam4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job's totals count attacks only: benign prompts are written but left out of every count. */
class CampaignJobTotalsTest {

    @Test
    void benignPromptsAreWrittenButNotCountedAsAttacks() throws Exception {
        List<String> lines = List.of(
                "{\"status\": \"done\", \"verdicts\": [{\"outcome\": \"HIT\"}]}",
                "{\"status\": \"error\", \"verdicts\": []}",
                "{\"status\": \"not_run\"}",
                "{\"status\": \"done\", \"benign\": true, \"verdicts\": [{\"outcome\": \"HIT\"}]}",
                "{\"status\": \"error\", \"benign\": true, \"verdicts\": []}",
                "{\"status\": \"not_run\", \"benign\": true}");
        StringWriter out = new StringWriter();

        CampaignJob.Outcome outcome = CampaignJob.write(lines.iterator(), out);

        assertThat(outcome).isEqualTo(new CampaignJob.Outcome(3, 1, 1, 1, 1));
        assertThat(out.toString().lines()).hasSize(6);
    }
}
