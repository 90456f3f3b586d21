package org.redteam4j.config.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.campaign.CampaignPlan;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.format.XsTestPrompt;

/**
 * A campaign's benign prompts (its {@code benign:} sources, in order), sent to its targets to
 * measure over-refusal. A prompt given twice is sent once.
 *
 * @param unsafeSkipped XSTest rows left out because their type is unsafe ({@code contrast_*})
 * @param duplicates    prompts left out because an earlier source or line gave the same text
 */
public record BenignPrompts(List<Seed> prompts, int unsafeSkipped, int duplicates) {

    public static final BenignPrompts NONE = new BenignPrompts(List.of(), 0, 0);

    public BenignPrompts {
        prompts = List.copyOf(prompts);
    }

    /** Reads every source; {@code resolve} turns a path in the campaign file into a file. */
    static BenignPrompts read(List<CampaignFile.Benign> sources, java.util.function.Function<String, Path> resolve) {
        if (sources == null || sources.isEmpty()) {
            return NONE;
        }
        List<Seed> prompts = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int unsafe = 0;
        int duplicates = 0;
        for (CampaignFile.Benign source : sources) {
            List<Seed> read = new ArrayList<>();
            if (source.text() != null) {
                try (RecordReader<Seed> reader = Datasets.textSeeds(resolve.apply(source.text()))) {
                    for (Seed seed = reader.read(); seed != null; seed = reader.read()) {
                        if (!seed.text().startsWith("#")) { // a comment line
                            read.add(seed);
                        }
                    }
                }
            } else {
                try (RecordReader<XsTestPrompt> reader = Datasets.xsTestPrompts(resolve.apply(source.xstest()))) {
                    for (XsTestPrompt row = reader.read(); row != null; row = reader.read()) {
                        if (row.safe()) {
                            // the XSTest id keys the prompt; its type is the tag results are broken down by
                            read.add(new Seed(row.prompt(), "xstest-" + row.id(), null, row.type(), List.of(), null));
                        } else {
                            unsafe++;
                        }
                    }
                }
            }
            for (Seed seed : read) {
                if (keys.add(CampaignPlan.seedKey(seed))) {
                    prompts.add(seed);
                } else {
                    duplicates++;
                }
            }
        }
        return new BenignPrompts(prompts, unsafe, duplicates);
    }

    /** "12 benign prompts (438 unsafe XSTest rows skipped)" for the run's log. */
    public String describe() {
        List<String> notes = new ArrayList<>();
        if (unsafeSkipped > 0) {
            notes.add(String.format("%,d unsafe XSTest row%s (contrast_*) skipped", unsafeSkipped, unsafeSkipped == 1 ? "" : "s"));
        }
        if (duplicates > 0) {
            notes.add(String.format("%,d duplicate%s sent once", duplicates, duplicates == 1 ? "" : "s"));
        }
        return String.format("%,d benign prompt%s%s", prompts.size(), prompts.size() == 1 ? "" : "s",
                notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    }
}
