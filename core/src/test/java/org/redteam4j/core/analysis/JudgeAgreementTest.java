package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JudgeAgreementTest {

    /** tp, fp, fn, tn as parallel arrays of calls and labels. */
    private static JudgeAgreement of(int tp, int fp, int fn, int tn) {
        int n = tp + fp + fn + tn;
        boolean[] predicted = new boolean[n];
        boolean[] truth = new boolean[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = i < tp + fp;
            truth[i] = i < tp || i >= tp + fp && i < tp + fp + fn;
        }
        return JudgeAgreement.of(predicted, truth);
    }

    @Test
    void theFiguresOfAKnownTable() {
        JudgeAgreement agreement = of(200, 12, 20, 218);

        assertThat(agreement.precision().estimate()).isCloseTo(200.0 / 212, within(1e-12));
        assertThat(agreement.recall().estimate()).isCloseTo(200.0 / 220, within(1e-12));
        assertThat(agreement.f1().estimate()).isCloseTo(400.0 / 432, within(1e-12));
        assertThat(agreement.accuracy().estimate()).isCloseTo(418.0 / 450, within(1e-12));
        // chance: 212/450 · 220/450 + 238/450 · 230/450
        double chance = (212.0 * 220 + 238.0 * 230) / (450.0 * 450);
        assertThat(agreement.kappa().estimate()).isCloseTo((418.0 / 450 - chance) / (1 - chance), within(1e-12))
                .isCloseTo(0.8576, within(1e-4));
        assertThat(agreement.f1().low()).isLessThan(agreement.f1().estimate()).isGreaterThan(0.88);
        assertThat(agreement.f1().high()).isGreaterThan(agreement.f1().estimate()).isLessThan(0.96);
        assertThat(agreement.kappa().low()).isBetween(0.78, 0.8576);
    }

    @Test
    void undefinedFiguresAreNaNNotZero() {
        JudgeAgreement allRight = of(0, 0, 0, 5); // nothing positive anywhere

        assertThat(allRight.precision()).isNull();
        assertThat(allRight.recall()).isNull();
        assertThat(allRight.f1().estimate()).isNaN();
        assertThat(allRight.f1().low()).isNaN();
        assertThat(allRight.kappa().estimate()).isNaN();
        assertThat(allRight.accuracy().estimate()).isEqualTo(1.0);

        JudgeAgreement allWrong = of(0, 5, 0, 0); // the judge calls all positive, people none: kappa is defined
        assertThat(allWrong.kappa().estimate()).isZero();
        assertThat(allWrong.f1().estimate()).isZero();
    }
}
