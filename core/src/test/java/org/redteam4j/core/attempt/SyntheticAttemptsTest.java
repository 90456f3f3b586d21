package org.redteam4j.core.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticAttemptsTest {

    @Test
    void isDeterministicForASeed() {
        List<RedTeamAttempt> first = new ArrayList<>();
        List<RedTeamAttempt> second = new ArrayList<>();
        new SyntheticAttempts(5, 50).forEachRemaining(first::add);
        new SyntheticAttempts(5, 50).forEachRemaining(second::add);
        List<RedTeamAttempt> other = new ArrayList<>();
        new SyntheticAttempts(6, 50).forEachRemaining(other::add);

        assertThat(first).isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void followsThePapersTable1Proportions() {
        List<RedTeamAttempt> attempts = new ArrayList<>();
        new SyntheticAttempts(1, 20_000).forEachRemaining(attempts::add);
        Map<ModelType, Long> byType = attempts.stream().collect(Collectors.groupingBy(RedTeamAttempt::modelType, Collectors.counting()));

        // The paper: context distillation 21,957 of 38,961 attempts (56%), rejection sampling 3,981 (10%).
        assertThat(byType.get(ModelType.CONTEXT_DISTILLATION) / 20_000.0).isBetween(0.54, 0.59);
        assertThat(byType.get(ModelType.REJECTION_SAMPLING) / 20_000.0).isBetween(0.09, 0.115);
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.numParams()).isIn("2.7B", "13B", "52B"));
    }
}
