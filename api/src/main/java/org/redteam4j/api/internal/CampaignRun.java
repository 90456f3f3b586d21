package org.redteam4j.api.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.RedTeamException;
import org.redteam4j.config.Environment;
import org.redteam4j.core.secrets.Secret;
import org.redteam4j.core.secrets.Secrets;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.LibraryAdditions;
import org.redteam4j.core.campaign.CampaignEngine;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.failure.Failure;
import org.redteam4j.store.Database;
import org.redteam4j.store.DatabaseLocation;

/**
 * A library campaign as set up so far, and its run: its definition with the JVM's targets, its
 * database, the engine. Immutable; {@link org.redteam4j.api.Campaign} is its public face.
 *
 * @param database           as {@code --db}; null for a temporary SQLite file deleted after the run
 * @param defaultMaxRequests {@code limits.max_requests} where the file sets none; null to leave it so
 * @param secrets            more secrets to redact from every model text, beside the API keys found
 */
public record CampaignRun(String yaml, String origin, Path folder, Map<String, ChatTarget> targets, boolean replaceFileTargets,
                          String database, boolean resume, Long defaultMaxRequests, CampaignEngine.Progress progress,
                          Secrets secrets) {

    public CampaignRun {
        targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    public static CampaignRun of(String yaml, String origin, Path folder) {
        return new CampaignRun(yaml, origin, folder, Map.of(), false, null, false, null, null, Secrets.NONE);
    }

    public CampaignRun withTarget(String name, ChatTarget target) {
        Map<String, ChatTarget> more = new LinkedHashMap<>(targets);
        if (more.put(name, target) != null) {
            throw new IllegalArgumentException("two targets are named '" + name + "'");
        }
        return new CampaignRun(yaml, origin, folder, more, replaceFileTargets, database, resume, defaultMaxRequests,
                progress, secrets);
    }

    public CampaignRun replacingFileTargets() {
        return new CampaignRun(yaml, origin, folder, targets, true, database, resume, defaultMaxRequests, progress,
                secrets);
    }

    public CampaignRun withDatabase(String location) {
        return new CampaignRun(yaml, origin, folder, targets, replaceFileTargets, location, resume,
                defaultMaxRequests, progress, secrets);
    }

    public CampaignRun resuming() {
        return new CampaignRun(yaml, origin, folder, targets, replaceFileTargets, database, true, defaultMaxRequests,
                progress, secrets);
    }

    public CampaignRun withDefaultMaxRequests(long maxRequests) {
        return new CampaignRun(yaml, origin, folder, targets, replaceFileTargets, database, resume, maxRequests,
                progress, secrets);
    }

    public CampaignRun withSecret(Secret secret) {
        return new CampaignRun(yaml, origin, folder, targets, replaceFileTargets, database, resume, defaultMaxRequests, progress,
                secrets.plus(Secrets.of(secret)));
    }

    public CampaignRun withProgress(CampaignEngine.Progress listener) {
        return new CampaignRun(yaml, origin, folder, targets, replaceFileTargets, database, resume,
                defaultMaxRequests, listener, secrets);
    }

    /**
     * Runs it and reads what it left with {@code read}, before a temporary database is deleted (read
     * afterwards, it was reached only through connections still open on a deleted file, and not at all
     * where an open file cannot be deleted); every failure that is not a bug becomes a
     * {@link RedTeamException} with the command line's message.
     */
    public <T> T run(java.util.function.Function<CampaignExecution.Executed, T> read) {
        if (replaceFileTargets && targets.isEmpty()) {
            // else the file's targets, which the caller meant to leave out, would be attacked after all
            throw new RedTeamException(origin + ": its targets are replaced by this JVM's, but none was given (withTarget, "
                    + "or a @RedTeamTarget method): nothing to attack", null);
        }
        Path temporary = null;
        Database db = null;
        try {
            CampaignDefinition definition = CampaignDefinition.parse(yaml, origin, folder,
                    new LibraryAdditions(new ArrayList<>(targets.keySet()), replaceFileTargets, defaultMaxRequests));
            String location = database;
            if (location == null) {
                temporary = Files.createTempDirectory("redteam4j-campaign");
                location = temporary.resolve("campaign.db").toString();
            }
            db = Database.open(DatabaseLocation.parse(location));
            Map<String, ChatModel> models = new LinkedHashMap<>();
            targets.forEach((name, target) -> models.put(name, new InProcessChatModel(name, target)));
            CampaignEngine.Progress told = progress == null ? (done, total, hits, errors) -> { } : progress;
            return read.apply(CampaignExecution.run(definition, db,
                    Environment.fromSystem().withInProcessModels(models).withSecrets(secrets), resume, told));
        } catch (Failure e) {
            throw new RedTeamException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedTeamException("the campaign was interrupted; what finished is stored", e);
        } catch (IOException e) {
            throw new RedTeamException("cannot make a temporary database: " + e.getMessage(), e);
        } finally {
            if (db != null) {
                db.releaseConnections(); // results are read: the file is not held open to the JVM's end
            }
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left behind is not worth failing a finished campaign for
        }
    }
}
