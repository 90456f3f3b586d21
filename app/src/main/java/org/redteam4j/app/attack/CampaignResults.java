package org.redteam4j.app.attack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.redteam4j.core.campaign.FinishedAttack;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.AttackStore;
import org.redteam4j.store.targets.TargetRepository;

/**
 * Loads the results of Spark's CampaignJob — a folder of Parquet files, one row per attack — into
 * the store as if the campaign had run here: its campaign, targets and attacks, all in one
 * transaction, so a bad file changes nothing and loading the same results twice adds nothing.
 */
public final class CampaignResults {

    /** What a load did. */
    public record Loaded(long attacks, int campaigns) {
    }

    private CampaignResults() {
    }

    /** A folder holding Parquet files, or a Parquet file: what CampaignJob writes. */
    public static boolean looksLikeResults(Path path) {
        if (Files.isRegularFile(path)) {
            return path.getFileName().toString().endsWith(".parquet");
        }
        return !parts(path).isEmpty();
    }

    public static Loaded load(Database database, Path path) {
        List<Path> files = Files.isRegularFile(path) ? List.of(path) : parts(path);
        if (files.isEmpty()) {
            throw new BadInput(path + ": no Parquet files (expected the output folder of CampaignJob)");
        }
        return database.inTransaction(handle -> {
            Map<String, Long> campaigns = new HashMap<>();
            Map<String, Long> targets = new HashMap<>();
            TargetRepository targetRepository = new TargetRepository(handle);
            long attacks = 0;
            for (Path file : files) {
                try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                        new org.apache.hadoop.fs.Path(file.toUri())).withConf(new Configuration(false)).build()) {
                    long record = 0;
                    for (Group row = reader.read(); row != null; row = reader.read()) {
                        record++;
                        ParquetRow values = new ParquetRow(row, file, record);
                        String campaign = values.string("campaign");
                        long campaignId = campaigns.computeIfAbsent(campaign,
                                name -> AttackStore.campaign(handle, name, values.string("campaign_settings")));
                        String target = values.string("target");
                        long targetId = targets.computeIfAbsent(target, name -> targetRepository.declare(name,
                                values.string("target_model_type"), values.nullableString("target_size"),
                                values.string("target_config"), values.bool("target_simulated")));
                        AttackStore.load(handle, campaignId, targetId, values.attack());
                        attacks++;
                    }
                } catch (IOException | RuntimeException e) {
                    if (e instanceof BadInput dataset) {
                        throw dataset;
                    }
                    throw new BadInput(file + ": not CampaignJob results (" + e.getMessage() + ")", e);
                }
            }
            return new Loaded(attacks, campaigns.size());
        });
    }

    private static List<Path> parts(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new BadInput(dir + ": cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /** One Parquet row's columns, with errors that name the file, row and column. */
    private record ParquetRow(Group row, Path file, long record) {

        FinishedAttack attack() {
            return new FinishedAttack(string("attack_key"), string("target"), string("strategy"), integer("repetition"),
                    string("status"), nullableString("verdict"), nullableDouble("verdict_score"), nullableString("judge"),
                    nullableString("error"), longValue("prompt_tokens"), longValue("completion_tokens"), bool("simulated"),
                    nullableString("tag"), string("seed_text"), nullableString("prompt"), nullableString("reply"),
                    nullableString("transcript"), nullableString("verdicts_json"), integer("target_requests"),
                    integer("attacker_requests"), present("duration_ms") ? row.getLong("duration_ms", 0) : null);
        }

        String string(String column) {
            String value = nullableString(column);
            if (value == null) {
                throw missing(column);
            }
            return value;
        }

        String nullableString(String column) {
            return present(column) ? row.getString(column, 0) : null;
        }

        Double nullableDouble(String column) {
            return present(column) ? row.getDouble(column, 0) : null;
        }

        int integer(String column) {
            if (!present(column)) {
                throw missing(column);
            }
            return row.getInteger(column, 0);
        }

        long longValue(String column) {
            if (!present(column)) {
                throw missing(column);
            }
            return row.getLong(column, 0);
        }

        boolean bool(String column) {
            if (!present(column)) {
                throw missing(column);
            }
            return row.getBoolean(column, 0);
        }

        private boolean present(String column) {
            if (!row.getType().containsField(column)) {
                throw new BadInput(file + ": row " + record + ": no column \"" + column
                        + "\" (expected the output of CampaignJob)");
            }
            return row.getFieldRepetitionCount(column) > 0;
        }

        private BadInput missing(String column) {
            return new BadInput(file + ": row " + record + ", column \"" + column + "\": missing");
        }
    }
}
