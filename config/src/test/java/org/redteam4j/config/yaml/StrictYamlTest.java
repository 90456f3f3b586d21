package org.redteam4j.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.targets.TargetsFile;
import org.redteam4j.core.failure.BadInput;

/**
 * Issue 15: campaign and targets files are read strictly, by one loader — a duplicate key, an
 * anchor, alias or merge key, a second document and an unknown key anywhere are refused with the
 * file, line and key, where Jackson alone let the last duplicate win, read an alias as the
 * anchor's name and ignored a targets file's other keys.
 */
@Tag("reliability")
class StrictYamlTest {

    private static final String CAMPAIGN = """
            name: test
            targets:
              - name: a
                model: sim
            strategies:
              - direct
            judges:
              - refusal
            """;

    @TempDir
    Path dir;

    @Test
    void aDuplicateKeyIsRefusedWhereverItIs() throws Exception {
        assertCampaignRefused(CAMPAIGN + "name: other\n", ": line 9: duplicate key 'name' (first on line 1)");
        assertCampaignRefused(CAMPAIGN.replace("    model: sim\n", "    model: sim\n    model: openai:gpt-4o\n"),
                ": line 5: duplicate key 'model' in targets[0] (first on line 4)");
        assertCampaignRefused(CAMPAIGN + "limits: {concurrency: 2, concurrency: 3}\n",
                ": line 9: duplicate key 'concurrency' in limits (first on line 9)");
        assertTargetsRefused("targets:\n  - model: sim\ntargets:\n  - model: openai:x\n",
                ": line 3: duplicate key 'targets' (first on line 1)");
    }

    @Test
    void anchorsAliasesAndMergeKeysAreRefused() throws Exception {
        assertCampaignRefused(CAMPAIGN.replace("name: test", "name: &n test") + "attacker: *n\n",
                ": line 1: an anchor ('&n'); anchors, aliases and merge keys are not allowed");
        assertCampaignRefused(CAMPAIGN + "attacker: *n\n", ": line 9: an alias ('*n')");
        assertTargetsRefused("targets:\n  - model: sim\n  - <<: {model: sim}\n    name: b\n", ": line 3: a merge key ('<<')");
        assertTargetsRefused("base: &base {model: sim}\ntargets:\n  - <<: *base\n", ": line 1: an anchor ('&base')");
    }

    @Test
    void aSecondDocumentIsRefused() throws Exception {
        assertCampaignRefused(CAMPAIGN + "---\nname: hidden\n", ": line 9: a second YAML document ('---')");
    }

    @Test
    void unknownKeysAreRefusedAtEveryDepthWithTheirLine() throws Exception {
        assertTargetsRefused("campaign: x\ntargets:\n  - model: sim\n", ": line 1: unknown key 'campaign'; expected one of [targets]");
        assertTargetsRefused("targets:\n  - model: sim\n    sampling:\n      temperature: 1\n      top_q: 0.9\n",
                ": line 5: unknown key 'top_q' in targets[0].sampling; expected one of");
        assertCampaignRefused(CAMPAIGN.replace("    model: sim\n", "    model: sim\n    sim: {refusal: 1, seeed: 3}\n"),
                ": line 5: unknown key 'seeed' in targets[0].sim");
        assertCampaignRefused(CAMPAIGN + "seeds: {builtin: true, from_db: {min_rating: 3, limt: 2}}\n",
                ": line 9: unknown key 'limt' in seeds.from_db");
        assertCampaignRefused(CAMPAIGN + "prices:\n  a: {input: 1, outptu: 2}\n", ": line 10: unknown key 'outptu' in prices.a");
    }

    @Test
    void aWrongTypeNamesTheLineAndField() throws Exception {
        assertTargetsRefused("targets:\n  - model: sim\n  - model: sim\n    samples: lots\n",
                ": line 4: field targets[1].samples: Cannot deserialize value of type `java.lang.Integer`");
    }

    @Test
    void deepNestingIsRefusedBeforeBinding() throws Exception {
        assertCampaignRefused(CAMPAIGN + "prices: " + "[".repeat(5000) + "]".repeat(5000) + "\n",
                ": line 9: mappings and lists nested more than 64 deep");
    }

    @Test
    void goodFilesStillRead() throws Exception {
        assertThat(CampaignDefinition.read(write("campaign.yaml", CAMPAIGN + "# a comment\n")).name()).isEqualTo("test");
        assertThat(TargetsFile.read(write("targets.yaml", "---\ntargets:\n  - {name: '<<', model: sim}\n...\n")))
                .hasSize(1);
        assertThatThrownBy(() -> CampaignDefinition.read(write("blank.yaml", "# nothing here\n")))
                .hasMessage(dir.resolve("blank.yaml") + ": the file is empty");
    }

    private void assertCampaignRefused(String yaml, String message) throws Exception {
        Path file = write("campaign.yaml", yaml);
        assertThatThrownBy(() -> CampaignDefinition.read(file)).isInstanceOf(BadInput.class).hasMessageContaining(file + message);
    }

    private void assertTargetsRefused(String yaml, String message) throws Exception {
        Path file = write("targets.yaml", yaml);
        assertThatThrownBy(() -> TargetsFile.read(file)).isInstanceOf(BadInput.class).hasMessageContaining(file + message);
    }

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
