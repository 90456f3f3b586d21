package org.redteam4j.config.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.redteam4j.config.yaml.StrictYaml;
import org.redteam4j.core.attack.PersuasionTechnique;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.failure.BadInput;

/** The settings of best_of_n, many_shot, past_tense, persuasion, split_turns and skeleton_key, as a campaign file writes them. */
class SingleAttackStrategySettingsTest {

    private static final String WHERE = "campaign.yaml: line 7: ";

    @Test
    void theDefaultsAreInTheIds() {
        assertThat(id("best_of_n")).isEqualTo("best-of-n:10");
        assertThat(id("many_shot")).isEqualTo("many-shot:8");
        assertThat(id("past_tense")).isEqualTo("past-tense:3");
        assertThat(id("persuasion")).isEqualTo("persuasion:all");
        assertThat(id("split_turns")).isEqualTo("split-turns:3");
        assertThat(id("skeleton_key")).isEqualTo("skeleton-key");
    }

    @Test
    void settingsAreReadIntoTheIds() {
        assertThat(id("{best_of_n: {n: 20, augmentations: [noise, scramble]}}")).isEqualTo("best-of-n:20:scramble+noise");
        assertThat(id("{many_shot: {k: 32}}")).isEqualTo("many-shot:32");
        assertThat(id("{past_tense: {tries: 5}}")).isEqualTo("past-tense:5");
        assertThat(id("{persuasion: {techniques: [storytelling, framing]}}")).isEqualTo("persuasion:storytelling+framing");
        assertThat(id("{split_turns: {parts: 4}}")).isEqualTo("split-turns:4");
        assertThat(strategy("{persuasion: {techniques: [storytelling, framing]}}").maxAttackerRequests()).isEqualTo(2);
    }

    @Test
    void badSettingsAreBadInputWithTheirPlace() {
        assertThatThrownBy(() -> strategy("{best_of_n: {augmentations: [shuffle]}}")).isInstanceOf(BadInput.class)
                .hasMessage(WHERE + "unknown augmentation 'shuffle'; expected one of [scramble, capitalise, noise]");
        assertThatThrownBy(() -> strategy("{persuasion: {techniques: [bribery]}}")).isInstanceOf(BadInput.class)
                .hasMessage(WHERE + "unknown persuasion technique 'bribery'; expected one of " + PersuasionTechnique.ids());
        assertThatThrownBy(() -> strategy("{persuasion: {techniques: framing}}")).isInstanceOf(BadInput.class)
                .hasMessage(WHERE + "techniques is a non-empty list of persuasion technique ids, got \"framing\"");
        assertThatThrownBy(() -> strategy("{best_of_n: {augmentations: [noise, noise]}}")).isInstanceOf(BadInput.class)
                .hasMessage(WHERE + "augmentations lists 'noise' twice; list each augmentation once");
        assertThatThrownBy(() -> strategy("{best_of_n: {n: 2.5}}")).hasMessage(WHERE + "n must be a whole number, got 2.5");
        assertThatThrownBy(() -> strategy("{many_shot: {k: 1000}}")).hasMessageStartingWith(WHERE + "many_shot needs k from 1 to ");
        assertThatThrownBy(() -> strategy("{split_turns: {parts: 1}}")).hasMessageStartingWith(WHERE + "split_turns needs 2 or more");
        assertThatThrownBy(() -> strategy("{past_tense: {tries: 0}}")).hasMessageStartingWith(WHERE + "past_tense needs tries");
        assertThatThrownBy(() -> strategy("{best_of_n: {samples: 4}}"))
                .hasMessage(WHERE + "unknown setting 'samples' of strategy 'best_of_n'; expected [augmentations, n]");
        assertThatThrownBy(() -> strategy("{skeleton_key: {turns: 2}}"))
                .hasMessageContaining("unknown setting 'turns' of strategy 'skeleton_key'; expected []");
    }

    private static String id(String flow) {
        return strategy(flow).id();
    }

    private static Strategy strategy(String flow) {
        JsonNode item = StrictYaml.read("value: " + flow, "test.yaml", JsonNode.class).get("value");
        assertThat(Strategies.of(item, WHERE)).hasSize(1);
        return Strategies.of(item, WHERE).get(0);
    }
}
