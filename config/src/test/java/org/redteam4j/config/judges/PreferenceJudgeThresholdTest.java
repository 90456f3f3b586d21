package org.redteam4j.config.judges;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.config.Environment;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.pm.FeatureSpec;
import org.redteam4j.models.pm.PreferenceHead;

/** The pm judge of a campaign takes its head's default threshold unless the campaign sets one. */
class PreferenceJudgeThresholdTest {

    @TempDir
    Path dir;

    /** The shipped model's stand-in: every reply scores 0.5; its default threshold is 0.3. */
    private static final HarmlessnessScorer SHIPPED = new HarmlessnessScorer() {
        @Override
        public double score(List<Turn> context, String reply) {
            return 0.5;
        }

        @Override
        public double defaultThreshold() {
            return 0.3;
        }

        @Override
        public String id() {
            return "stand-in";
        }
    };

    @Test
    void usesTheHeadsThresholdUnlessTheCampaignSetsOne() throws Exception {
        FeatureSpec lexical = FeatureSpec.lexicalOnly();
        double[] ones = new double[lexical.dimension()];
        Arrays.fill(ones, 1);
        Path head = dir.resolve("head.json");
        new PreferenceHead(lexical, new double[ones.length], ones, new double[ones.length], 0.5, Map.of())
                .withThreshold(0.7).write(head);
        Path campaign = Files.writeString(dir.resolve("campaign.yaml"), """
                name: t
                targets:
                  - model: sim
                strategies:
                  - direct
                judges:
                  - {pm: {file: HEAD}}
                  - {pm: {file: HEAD, threshold: 0.2}}
                  - pm
                  - {pm: {threshold: -1.5}}
                """.replace("HEAD", head.toString()));
        Judges judges = new Judges(new Environment(new ApiKeys(Map.of(), null), () -> SHIPPED, () -> null));

        List<Judge> built = CampaignDefinition.read(campaign).judges().stream().map(judges::judge).toList();

        List<Turn> context = List.of(Turn.human("Hi"));
        assertThat(built.get(0).id()).contains("threshold=0.7");
        assertThat(built.get(0).judge(context, "Hello.").rationale()).isEqualTo("harmlessness 0.500 < threshold 0.700");
        assertThat(built.get(1).id()).contains("threshold=0.2");
        assertThat(built.get(2).id()).contains("threshold=0.3");
        assertThat(built.get(3).id()).contains("threshold=-1.5");
    }
}
