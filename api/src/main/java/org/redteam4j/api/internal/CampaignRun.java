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
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.LibraryAdditions;
import org.redteam4j.core.campaign.CampaignEngine;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.failure.Failure;
import org.redteam4j.store.Database;
import org.redteam4j.store.DatabaseLocation;

/** One run of a library campaign: its definition with the JVM's targets, its database, the engine. */
public final class CampaignRun {

    private final String yaml;
    private final String origin;
    private final Path folder;
    private final Map<String, ChatTarget> targets;
    private final boolean replaceFileTargets;
    private final String database;
    private final boolean resume;
    private final Long defaultMaxRequests;
    private final CampaignEngine.Progress progress;

    public CampaignRun(String yaml, String origin, Path folder, Map<String, ChatTarget> targets, boolean replaceFileTargets,
                       String database, boolean resume, Long defaultMaxRequests, CampaignEngine.Progress progress) {
        this.yaml = yaml;
        this.origin = origin;
        this.folder = folder;
        this.targets = targets;
        this.replaceFileTargets = replaceFileTargets;
        this.database = database;
        this.resume = resume;
        this.defaultMaxRequests = defaultMaxRequests;
        this.progress = progress == null ? (done, total, hits, errors) -> { } : progress;
    }

    /** Runs it; every failure that is not a bug becomes a {@link RedTeamException} with the command line's message. */
    public CampaignExecution.Executed run() {
        Path temporary = null;
        try {
            CampaignDefinition definition = CampaignDefinition.parse(yaml, origin, folder,
                    new LibraryAdditions(new ArrayList<>(targets.keySet()), replaceFileTargets, defaultMaxRequests));
            String location = database;
            if (location == null) {
                temporary = Files.createTempDirectory("redteam4j-campaign");
                location = temporary.resolve("campaign.db").toString();
            }
            Database db = Database.open(DatabaseLocation.parse(location));
            Map<String, ChatModel> models = new LinkedHashMap<>();
            targets.forEach((name, target) -> models.put(name, new InProcessChatModel(name, target)));
            return CampaignExecution.run(definition, db, Environment.fromSystem().withInProcessModels(models), resume, progress);
        } catch (Failure e) {
            throw new RedTeamException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedTeamException("the campaign was interrupted; what finished is stored", e);
        } catch (IOException e) {
            throw new RedTeamException("cannot make a temporary database: " + e.getMessage(), e);
        } finally {
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
