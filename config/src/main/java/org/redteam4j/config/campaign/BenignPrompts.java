package org.redteam4j.config.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.format.XsTestPrompt;

/**
 * A campaign's benign prompts (its {@code benign:} sources, in order), sent to its targets to
 * measure over-refusal. A prompt given twice is sent once.
 *
 * @param unsafeSkipped XSTest rows left out because their type is unsafe ({@code contrast_*})
 * @param duplicates    prompts left out because an earlier source or line gave the same text (of any source)
 * @param comments      comment lines of text sources skipped ({@code # …}, as in a seeds file)
 */
public record BenignPrompts(List<Seed> prompts, int unsafeSkipped, int duplicates, long comments) {

    public static final BenignPrompts NONE = new BenignPrompts(List.of(), 0, 0, 0);

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
        long comments = 0;
        for (CampaignFile.Benign source : sources) {
            List<Seed> read = new ArrayList<>();
            if (source.text() != null) {
                // the seeds' reader, so a file gives the same prompts as seeds and as benign prompts (comments alike)
                try (org.redteam4j.core.format.TextSeedReader reader = org.redteam4j.core.format.TextSeedReader.open(
                        org.redteam4j.core.format.DataFile.open(resolve.apply(source.text())))) {
                    for (Seed seed = reader.read(); seed != null; seed = reader.read()) {
                        read.add(seed);
                    }
                    comments += reader.comments();
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
                // a prompt is its text, whatever its source: a text line equal to an XSTest prompt is sent once
                if (keys.add(seed.text().strip())) {
                    prompts.add(seed);
                } else {
                    duplicates++;
                }
            }
        }
        return new BenignPrompts(prompts, unsafe, duplicates, comments);
    }

    /** "12 benign prompts (438 unsafe XSTest rows skipped)" for the run's log. */
    public String describe() {
        List<String> notes = new ArrayList<>();
        if (unsafeSkipped > 0) {
            notes.add(String.format("%,d unsafe XSTest row%s (contrast_*) skipped", unsafeSkipped, unsafeSkipped == 1 ? "" : "s"));
        }
        if (comments > 0) {
            notes.add(String.format("%,d comment line%s skipped", comments, comments == 1 ? "" : "s"));
        }
        if (duplicates > 0) {
            notes.add(String.format("%,d duplicate%s sent once", duplicates, duplicates == 1 ? "" : "s"));
        }
        return String.format("%,d benign prompt%s%s", prompts.size(), prompts.size() == 1 ? "" : "s",
                notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    }
}
