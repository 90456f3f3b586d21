package org.redteam4j.config.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attempt.ModelType;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.intervention.HhhPrompt;
import org.redteam4j.core.intervention.PlainPrompt;
import org.redteam4j.core.intervention.RejectionSampling;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.resilience.ResilientChatModel;
import org.redteam4j.models.sim.SimulatedAssistant;

class TargetConfigTest {

    @TempDir
    Path dir;

    private final HarmlessnessScorer lengthScorer = new HarmlessnessScorer() {
        @Override
        public double score(List<Turn> context, String reply) {
            return reply.length();
        }

        @Override
        public String id() {
            return "length";
        }
    };
    private final TargetFactory factory = new TargetFactory(new ApiKeys(Map.of("LOCAL_KEY", "k"), null), () -> lengthScorer);

    @Test
    void readsTargetsFromYaml() throws Exception {
        Path file = Files.writeString(dir.resolve("targets.yaml"), """
                targets:
                  - name: local-rs
                    model: openai:llama-3.2-1b
                    base_url: http://127.0.0.1:8080/v1
                    api_key_env: LOCAL_KEY
                    intervention: rejection-sampling
                    samples: 8
                    size: 1B
                    sampling: {temperature: 0.8, top_p: 0.95, max_tokens: 200, seed: 7}
                    limits: {timeout_seconds: 30, max_attempts: 2, concurrency: 3, requests_per_minute: 120}
                  - model: sim
                    rlhf: true
                    sim: {refusal: 0.9, evasion: 0.1, compliance: 0, seed: 3}
                """);

        List<TargetConfig> targets = TargetsFile.read(file);

        assertThat(targets).hasSize(2);
        TargetConfig first = targets.get(0);
        assertThat(first.displayName()).isEqualTo("local-rs");
        assertThat(first.modelType()).isEqualTo(ModelType.REJECTION_SAMPLING);
        assertThat(first.sizeLabel()).isEqualTo("1B");
        assertThat(first.defaultSampling().temperature()).isEqualTo(0.8);
        assertThat(TargetFactory.policy(first.limits()).concurrency()).isEqualTo(3);
        assertThat(TargetFactory.policy(first.limits()).requestsPerMinute()).isEqualTo(120);
        assertThat(targets.get(1).displayName()).isEqualTo("sim");
        assertThat(targets.get(1).modelType()).isEqualTo(ModelType.RLHF);
        assertThat(TargetsFile.named(targets, "local-rs", file)).isSameAs(first);
    }

    @Test
    void aMisspeltKeyIsNamedWithItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "targets:\n  - model: sim\n    temprature: 0.3\n");

        assertThatThrownBy(() -> TargetsFile.read(file)).isInstanceOf(BadInput.class)
                .hasMessageContaining(file + ": line 3").hasMessageContaining("temprature");
    }

    @Test
    void aTargetWithoutModelOrAFileWithoutTargetsIsRefused() throws Exception {
        Path noModel = Files.writeString(dir.resolve("a.yaml"), "targets:\n  - name: x\n");
        Path noTargets = Files.writeString(dir.resolve("b.yaml"), "targets: []\n");

        assertThatThrownBy(() -> TargetsFile.read(noModel)).hasMessageContaining("targets[0]: missing 'model'");
        assertThatThrownBy(() -> TargetsFile.read(noTargets)).hasMessageContaining("declares no targets");
    }

    @Test
    void buildsRuntimeResilienceAndInterventionInThatOrder() {
        Target rs = factory.create(new TargetConfig("t", "openai:m", "http://127.0.0.1:9/v1", null, "rejection-sampling",
                4, "7B", null, null, null, null, null));
        Target plain = factory.create(new TargetConfig(null, "ollama:llama3", null, null, "plain", null, null, null,
                null, null, null, null));
        Target prompted = factory.create(new TargetConfig(null, "sim", null, null, "prompted", null, null, null, null,
                null, null, null));

        assertThat(rs.model()).isInstanceOf(RejectionSampling.class);
        assertThat(rs.model().id()).isEqualTo("rejection-sampling(k=4, scorer=length, prompted(openai:m))");
        assertThat(plain.model()).isInstanceOf(PlainPrompt.class);
        assertThat(plain.model().id()).isEqualTo("plain(ollama:llama3)");
        assertThat(prompted.model()).isInstanceOf(HhhPrompt.class);
        assertThat(prompted.simulated()).isTrue();
        Target bare = factory.create(new TargetConfig(null, "openai:m", "http://127.0.0.1:9/v1", null, null, null, null,
                null, null, null, null, null));
        assertThat(bare.model()).isInstanceOf(ResilientChatModel.class);
        assertThat(bare.model().id()).isEqualTo("openai:m");
        assertThatThrownBy(() -> factory.create(TargetConfig.of("openai:m"))).hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void explainsWhatIsMissing() {
        assertThatThrownBy(() -> factory.create(TargetConfig.of("anthropic:claude")))
                .hasMessageContaining("needs an API key").hasMessageContaining("ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> factory.create(TargetConfig.of("bard:x"))).hasMessageContaining("unknown runtime 'bard'");
        assertThatThrownBy(() -> factory.create(TargetConfig.of("openai:"))).hasMessageContaining("names no model");
        assertThatThrownBy(() -> factory.create(TargetConfig.of("gguf:/no/such.gguf"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> factory.create(new TargetConfig(null, "sim", null, null, "best-of-n", null, null, null,
                null, null, null, null))).hasMessageContaining("unknown intervention");
        assertThat(factory.create(TargetConfig.of("sim")).model()).isInstanceOf(SimulatedAssistant.class);
    }
}
