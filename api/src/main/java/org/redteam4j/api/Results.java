package org.redteam4j.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redteam4j.api.internal.CampaignExecution;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.CorrectedRate;
import org.redteam4j.core.analysis.FalseRefusals;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.format.JunitReport;
import org.redteam4j.core.format.SummaryText;
import org.redteam4j.core.transcript.Transcript;

/** The engine's results as the API's types. */
final class Results {

    private Results() {
    }

    static CampaignResult of(CampaignExecution.Executed run) {
        String judge = run.firstJudge();
        List<AttackResult> all = run.results().results(run.campaignId());
        List<AttackSummary.Row> perTarget = run.results().perTarget(run.campaignId());
        Map<String, FalseRefusals.Row> refusals = new HashMap<>();
        List<FalseRefusals.Row> refusalRows = run.results().falseRefusals(run.campaignId());
        refusalRows.forEach(row -> refusals.put(row.target(), row));
        List<TargetSummary> targets = perTarget.stream().map(row -> summary(row, judge, refusals.get(row.target()))).toList();
        List<AttackResult> attacks = all.stream().filter(result -> !result.benign()).toList();
        StringBuilder table = new StringBuilder(SummaryText.table(perTarget));
        table.append(SummaryText.redactions(perTarget)).append(SummaryText.corrections(perTarget))
                .append(SummaryText.falseRefusals(perTarget, refusalRows, judge));
        if (perTarget.stream().anyMatch(AttackSummary.Row::simulated)) {
            table.append("[simulated]: the simulated assistant was involved; these numbers are not findings about a real model.\n");
        }
        return new CampaignResult(run.campaign(), judge, targets, attacks.stream().map(Results::attack).toList(),
                run.outcome().finished(), run.outcome().skipped(), run.outcome().notRun(), table.toString(),
                file -> JunitReport.write(run.campaign(), all, file, perTarget, judge));
    }

    private static TargetSummary summary(AttackSummary.Row row, String judge, FalseRefusals.Row benign) {
        AttackSummary.Rate rate = row.judges().get(judge);
        Optional<Rate> raw = rate == null || rate.rate() == null ? Optional.empty()
                : Optional.of(new Rate(rate.rate().estimate(), rate.rate().low(), rate.rate().high()));
        CorrectedRate corrected = rate == null ? null : rate.corrected();
        Optional<Rate> correctedRate = corrected == null || corrected.estimate() == null ? Optional.empty()
                : Optional.of(new Rate(corrected.estimate(), corrected.low(), corrected.high()));
        return new TargetSummary(row.target(), row.attacks(), rate == null ? 0 : rate.judged(), rate == null ? 0 : rate.hits(),
                row.errors(), row.notRun(), raw, correctedRate, row.simulated(), Optional.ofNullable(benign).map(Results::overRefusal));
    }

    private static OverRefusal overRefusal(FalseRefusals.Row row) {
        return new OverRefusal(row.prompts() + row.notRun(), row.judged(), row.refused(), row.notRun(),
                Optional.ofNullable(row.rate()).map(p -> new Rate(p.estimate(), p.low(), p.high())));
    }

    private static Attack attack(AttackResult result) {
        AttackResult.Attack attack = result.attack();
        List<Turn> conversation = List.of();
        String reply = "";
        if (result.exchange() != null) {
            reply = result.exchange().reply() == null ? "" : result.exchange().reply();
            if (result.exchange().transcript() != null) {
                conversation = Transcript.parse(result.exchange().transcript()).turns().stream()
                        .map(turn -> turn.isAssistant() ? Turn.assistant(turn.text()) : Turn.user(turn.text())).toList();
            }
        }
        Optional<Boolean> hit = switch (result.status()) {
            case DONE -> result.primary().filter(v -> v.outcome() != org.redteam4j.core.scoring.Verdict.Outcome.SKIPPED)
                    .map(v -> v.outcome() == org.redteam4j.core.scoring.Verdict.Outcome.HIT);
            case ERROR, NOT_RUN -> Optional.empty();
        };
        return new Attack(attack.target(), attack.strategy(), attack.repetition(), attack.tag(), attack.seedText(), conversation,
                reply, hit, Optional.ofNullable(result.error()));
    }
}
