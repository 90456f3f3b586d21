package org.redteam4j.store.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.campaign.AttackResult.Status;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.format.AttackResultJson;
import org.redteam4j.store.attack.AttackRepository;
import org.redteam4j.store.attack.CalibrationRepository;
import org.redteam4j.store.targets.TargetRepository;

/**
 * Loads attack results made elsewhere (Spark's CampaignJob) as if the campaign had run here: its
 * campaign and targets are declared on first sight, and an attack is stored when its key is new
 * or it finished an attack that was stored as not run — so loading twice adds nothing.
 */
final class AttackResultSink implements RecordSink<AttackResultJson.Line> {

    private final AttackRepository attacks;
    private final TargetRepository targets;
    private final CalibrationRepository calibrations;
    private final Map<String, Long> campaignIds = new HashMap<>();
    private final Map<TargetFacts, Long> targetIds = new HashMap<>(); // by declaration: one name may have versions

    AttackResultSink(Handle handle) {
        this.attacks = new AttackRepository(handle);
        this.targets = new TargetRepository(handle);
        this.calibrations = new CalibrationRepository(handle);
    }

    @Override
    public String contentHash(AttackResultJson.Line line) {
        return RecordKeys.sha256(line.result().attack().key() + "\0" + line.result().status().label());
    }

    @Override
    public boolean insert(String recordKey, long importId, AttackResultJson.Line line) {
        long campaign = campaignIds.computeIfAbsent(line.campaign(), name -> {
            long id = attacks.campaign(name, line.campaignSettings().toString(),
                    line.campaignProvenance() == null ? null : line.campaignProvenance().toString());
            if (!line.calibrations().isEmpty()) { // as attack records them: the stored rates are corrected the same way
                calibrations.replace(id, line.calibrations());
            }
            return id;
        });
        long target = targetIds.computeIfAbsent(line.target(), targets::declare);
        Optional<Status> stored = attacks.status(line.result().attack().key());
        boolean news = stored.isEmpty() || stored.get() == Status.NOT_RUN && line.result().status() != Status.NOT_RUN;
        if (news) {
            attacks.write(campaign, target, line.result());
        }
        return news;
    }
}
