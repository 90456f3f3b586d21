package org.redteam4j.config.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.failure.BadInput;

class CampaignFileTest {

    @TempDir
    Path dir;

    private static final String GOOD = """
            name: test
            targets:
              - model: sim
            strategies:
              - direct
            judges:
              - refusal
            """;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("campaign.yaml"), yaml);
    }

    @Test
    void aShareDividesRatesConcurrencyAndBudgetButKeepsNoLimitAsNoLimit() throws Exception {
        CampaignFile campaign = CampaignDefinition.read(write(GOOD.replace("  - model: sim\n",
                "  - model: sim\n    limits: {requests_per_minute: 90, concurrency: 8}\n  - {name: other, model: sim}\n")
                + "limits: {concurrency: 6, requests_per_minute: 120, max_requests: 1000, repetitions: 2}\n")).file();

        CampaignFile share = campaign.shareOf(4);

        assertThat(share.concurrency()).isEqualTo(1);
        assertThat(share.requestsPerMinute()).isEqualTo(30);
        assertThat(share.maxRequests()).isEqualTo(250);
        assertThat(share.maxTokens()).as("0 is no limit and stays so").isZero();
        assertThat(share.repetitions()).isEqualTo(2);
        assertThat(share.targets().get(0).limits().requestsPerMinute()).isEqualTo(22);
        assertThat(share.targets().get(0).limits().concurrency()).isEqualTo(2);
        assertThat(share.targets().get(1).limits()).isNull();
        assertThat(campaign.shareOf(1000).requestsPerMinute()).as("never below 1").isEqualTo(1);
    }

    @Test
    void readsAGoodFileWithDefaults() throws Exception {
        CampaignFile campaign = CampaignDefinition.read(write(GOOD)).file();

        assertThat(campaign.name()).isEqualTo("test");
        assertThat(campaign.concurrency()).isEqualTo(4);
        assertThat(campaign.repetitions()).isEqualTo(1);
        assertThat(campaign.maxRequests()).isZero();
    }

    @Test
    void namesTheLineOfAnUnknownKey() throws Exception {
        Path file = write(GOOD + "limts:\n  concurrency: 2\n");

        assertThatThrownBy(() -> CampaignDefinition.read(file)).isInstanceOf(BadInput.class)
                .hasMessageContaining(file + ": line 8: unknown key 'limts'");
    }

    @Test
    void namesTheLineOfAnUnknownStrategy() throws Exception {
        Path file = write(GOOD.replace("  - direct", "  - direct\n  - jailbreak-everything"));
        CampaignDefinition definition = CampaignDefinition.read(file);

        assertThatThrownBy(definition::strategies).isInstanceOf(BadInput.class)
                .hasMessageContaining("line 6").hasMessageContaining("unknown strategy 'jailbreak-everything'");
    }

    @Test
    void refusesMissingTargetsNegativeLimitsAndUnknownTemplates() throws Exception {
        assertThatThrownBy(() -> CampaignDefinition.read(write(GOOD.replace("targets:\n  - model: sim\n", "targets: []\n"))))
                .hasMessageContaining("no targets");
        Path negative = write(GOOD + "limits:\n  max_requests: -5\n");
        assertThatThrownBy(() -> CampaignDefinition.read(negative)).hasMessageContaining("line 9")
                .hasMessageContaining("limits.max_requests must be 0 (no limit) or more");
        assertThatThrownBy(() -> CampaignDefinition.read(write(GOOD + "limits:\n  concurrency: 0\n")))
                .hasMessageContaining("limits.concurrency must be 1 or more");
        Path template = write(GOOD.replace("  - direct", "  - template: grandma"));
        assertThatThrownBy(() -> CampaignDefinition.read(template).strategies())
                .hasMessageContaining("unknown template 'grandma'");
        Path noAttacker = write(GOOD.replace("  - direct", "  - iterative: {streams: 1, depth: 1}"));
        assertThatThrownBy(() -> CampaignDefinition.read(noAttacker).strategies())
                .hasMessageContaining("need an 'attacker:'");
    }
}
