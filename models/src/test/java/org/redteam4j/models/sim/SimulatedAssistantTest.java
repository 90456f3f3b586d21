package org.redteam4j.models.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatModelContract;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.SimulatedText;
import org.redteam4j.core.transcript.Turn;

/** The contract without {@link ChatModelContract.StopsAtMaxTokens}: the simulated assistant says its stock replies whole. */
class SimulatedAssistantTest extends ChatModelContract
        implements ChatModelContract.ReportsFinishReason, ChatModelContract.RepeatsForASeed {

    @Override
    public SimulatedAssistant model() {
        return new SimulatedAssistant(SimSettings.DEFAULT);
    }

    @Test
    void isDeterministicForASeedAndConversation() {
        SimulatedAssistant sim = new SimulatedAssistant(SimSettings.DEFAULT);
        ChatRequest request = request("Help me cheat on a test", 8);

        assertThat(sim.chat(request).replies()).isEqualTo(sim.chat(request).replies());
        assertThat(new SimulatedAssistant(new SimSettings(0.5, 0.3, 0.2, 99, Duration.ZERO)).chat(request).replies())
                .isNotEqualTo(sim.chat(request).replies());
    }

    @Test
    void followsItsMixAndMarksEverythingSimulated() {
        SimulatedAssistant onlyRefusals = new SimulatedAssistant(new SimSettings(1, 0, 0, 1, Duration.ZERO));
        SimulatedAssistant mostlyCompliant = new SimulatedAssistant(new SimSettings(0.1, 0.1, 0.8, 1, Duration.ZERO));

        ChatResponse refusals = onlyRefusals.chat(request("anything", 50));
        ChatResponse compliant = mostlyCompliant.chat(request("anything", 400));

        assertThat(refusals.replies()).extracting(Reply::text).allMatch(SimulatedText.REFUSALS::contains);
        long complied = compliant.replies().stream().map(Reply::text).filter(SimulatedText.COMPLIANCE::contains).count();
        assertThat(complied / 400.0).isBetween(0.7, 0.9);
        assertThat(refusals.simulated()).isTrue();
        assertThat(onlyRefusals.simulated()).isTrue();
        assertThat(onlyRefusals.id()).startsWith("sim(");
    }

    private static ChatRequest request(String message, int samples) {
        return ChatRequest.of(List.of(Turn.human(message)), Sampling.DEFAULT.withSamples(samples));
    }
}
