package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.models.classifier.ClassifierHead;
import org.redteam4j.models.classifier.HarmClassifier;
import org.redteam4j.models.classifier.RefusalClassifier;

class JudgeClassifierCommandsTest {

    @TempDir
    Path dir;

    /**
     * README, "train-judge": the shipped heads are what these commands make. One test for both, so the
     * replies they share (XSTest's) are embedded once in this JVM.
     */
    @Test
    void theShippedClassifierHeadsReproduceFromTheReadmeCommands() throws Exception {
        Path data = SharedData.dir();
        SharedData.require("xstest");
        SharedData.require("jailbreakbench/attack-artifacts");
        SharedData.harmlessBaseDev();
        Path refusal = dir.resolve("refusal-head.json");
        Path harm = dir.resolve("harm-head.json");

        CliRun refusalRun = CliRun.of("train-judge", "--task", "refusal", "--data", data.toString(), "--out", refusal.toString());
        CliRun harmRun = CliRun.of("train-judge", "--task", "harm", "--data", data.toString(), "--out", harm.toString());

        assertThat(refusalRun.exitCode()).as(refusalRun.err()).isZero();
        assertThat(refusalRun.err()).contains("gpt4", "llama2new", "mistralinstruct", "pooled", "attack success on unsafe prompts");
        assertThat(harmRun.exitCode()).as(harmRun.err()).isZero();
        assertThat(harmRun.err()).contains("goal fold 5", "JailbreakBench, pooled");
        reproduces(ClassifierHead.read(refusal), RefusalClassifier.DEFAULT_RESOURCE);
        reproduces(ClassifierHead.read(harm), HarmClassifier.DEFAULT_RESOURCE);
    }

    private static void reproduces(ClassifierHead made, String resource) throws Exception {
        ClassifierHead shipped;
        try (InputStream in = ClassifierHead.class.getResourceAsStream(resource)) {
            shipped = ClassifierHead.read(in, resource);
        }
        assertThat(made.design()).isEqualTo(shipped.design());
        assertThat(made.provenance().get("examples_sha256")).isEqualTo(shipped.provenance().get("examples_sha256"));
        JudgeCalibration madeCalibration = made.calibration().orElseThrow();
        JudgeCalibration shippedCalibration = shipped.calibration().orElseThrow();
        if (ShippedHeadMachine.embedsAsTheShippedHeadsMachine(made.means(), shipped.means(), resource)) {
            closeTo(made.weights(), shipped.weights(), resource + " weight");
            closeTo(made.means(), shipped.means(), resource + " mean"); // the standardisation decides the output as much
            closeTo(made.scales(), shipped.scales(), resource + " scale");
            assertThat(made.bias()).as("bias").isCloseTo(shipped.bias(), Offset.offset(1e-4));
            assertThat(made.threshold()).as("threshold").isCloseTo(shipped.threshold(), Offset.offset(1e-4));
            assertThat(madeCalibration).isEqualTo(shippedCalibration);
        } else {
            // another CPU: the held-out confusion, which the README's figures come from, moves by at most 2% of its replies
            long n = shippedCalibration.tp() + shippedCalibration.fp() + shippedCalibration.fn() + shippedCalibration.tn();
            long moved = Math.abs(madeCalibration.tp() - shippedCalibration.tp()) + Math.abs(madeCalibration.fp() - shippedCalibration.fp())
                    + Math.abs(madeCalibration.fn() - shippedCalibration.fn()) + Math.abs(madeCalibration.tn() - shippedCalibration.tn());
            assertThat(madeCalibration.tp() + madeCalibration.fp() + madeCalibration.fn() + madeCalibration.tn()).isEqualTo(n);
            assertThat(moved).as("%s: held-out confusion %s against the shipped %s", resource, madeCalibration, shippedCalibration)
                    .isLessThanOrEqualTo(Math.max(4, n / 50));
        }
    }

    private static void closeTo(double[] made, double[] shipped, String what) {
        assertThat(made).as(what + "s").hasSameSizeAs(shipped);
        for (int i = 0; i < made.length; i++) {
            assertThat(made[i]).as("%s %d", what, i).isCloseTo(shipped[i], Offset.offset(1e-4));
        }
    }

    @Test
    void anUnknownTaskIsBadInput() {
        CliRun run = CliRun.of("train-judge", "--task", "toxicity", "--out", "x.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--task").contains("refusal or harm");
        CliRun split = CliRun.of("train-judge", "--task", "refusal", "--validation", "methods", "--out", "x.json");
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.err()).contains("--validation is for --task harm");
    }
}
