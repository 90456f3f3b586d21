package org.redteam4j.core.format;

import java.util.List;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.SeedCategories;
import org.redteam4j.core.failure.BadInput;

/**
 * XSTest's prompt file read as attack seeds: its unsafe rows only ({@link XsTestPrompt#safe()} is
 * false: the {@code contrast_*} types), the XSTest id as behaviour id and the type as semantic
 * category. Its safe rows are benign prompts (a campaign's {@code benign: {xstest: FILE}}), skipped
 * here and counted.
 */
public final class XsTestSeedReader implements RecordReader<Seed> {

    static final String SOURCE = "xstest-prompts";

    private final XsTestPromptsReader prompts;
    private long safeSkipped;
    private long seeds;

    private XsTestSeedReader(XsTestPromptsReader prompts) {
        this.prompts = prompts;
    }

    static XsTestSeedReader open(DataFile file) {
        return new XsTestSeedReader(XsTestPromptsReader.open(file));
    }

    @Override
    public Seed read() {
        for (XsTestPrompt row = prompts.read(); row != null; row = prompts.read()) {
            if (row.safe()) {
                safeSkipped++;
                continue;
            }
            seeds++;
            List<String> tags = SeedCategories.tags(SOURCE, row.type());
            return new Seed(row.prompt(), "xstest-" + row.id(), null, row.type(), tags, null);
        }
        if (seeds == 0 && safeSkipped > 0) { // else "holds no records" would hide why
            throw new BadInput(prompts.file.name() + ": all " + safeSkipped + " rows are XSTest's "
                    + "safe prompts, which are benign prompts (a campaign's benign: {xstest: FILE}), not seeds");
        }
        return null;
    }

    /** The safe rows left out so far. */
    public long safeSkipped() {
        return safeSkipped;
    }

    @Override
    public long bytesConsumed() {
        return prompts.bytesConsumed();
    }

    @Override
    public long bytesTotal() {
        return prompts.bytesTotal();
    }

    @Override
    public void close() {
        prompts.close();
    }
}
