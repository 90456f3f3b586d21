package org.redteam4j.app.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CampaignJob once wrote a folder of Parquet files. The command line no longer carries Hadoop to
 * read them; such a folder gets a message saying what to do instead.
 */
final class OldCampaignOutput {

    static final String MESSAGE = "it holds Parquet files from an older CampaignJob, which the command line no longer "
            + "reads; rerun CampaignJob, which now writes one JSON Lines file that import loads";

    private OldCampaignOutput() {
    }

    static boolean isParquet(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }
}
