package org.redteam4j.models.http;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.redteam4j.core.secrets.Secret;
import org.redteam4j.core.secrets.Secrets;

/**
 * Finds API keys: first the environment variable (e.g. {@code OPENAI_API_KEY}), then the
 * credentials file — {@code $REDTEAM4J_CREDENTIALS}, else {@code ~/.config/redteam4j/credentials.properties}
 * — where the same name is the property key. It remembers every key it handed out, so the
 * secrets a command's targets, judges and attacker use can be redacted from whatever they say.
 */
public final class ApiKeys {

    public static final String CREDENTIALS_VARIABLE = "REDTEAM4J_CREDENTIALS";

    private final Map<String, String> environment;
    private final Path credentialsFile;
    private final Map<String, Secret> found = new ConcurrentHashMap<>();

    public ApiKeys(Map<String, String> environment, Path credentialsFile) {
        this.environment = environment;
        this.credentialsFile = credentialsFile;
    }

    public static ApiKeys fromSystem() {
        Map<String, String> environment = System.getenv();
        String configured = environment.get(CREDENTIALS_VARIABLE);
        Path file = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".config", "redteam4j", "credentials.properties");
        return new ApiKeys(environment, file);
    }

    public Optional<ApiKey> find(String name) {
        Optional<ApiKey> key = lookUp(name);
        key.ifPresent(k -> found.put(name, k.secret()));
        return key;
    }

    /** Every key found so far, each under its name. */
    public Secrets found() {
        return Secrets.of(found.values());
    }

    private Optional<ApiKey> lookUp(String name) {
        String value = environment.get(name);
        if (value != null && !value.isBlank()) {
            return Optional.of(ApiKey.named(name, value));
        }
        if (credentialsFile != null && Files.isRegularFile(credentialsFile)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(credentialsFile)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException(credentialsFile + ": cannot be read (" + e.getMessage() + ")", e);
            }
            String stored = properties.getProperty(name);
            if (stored != null && !stored.isBlank()) {
                return Optional.of(ApiKey.named(name, stored));
            }
        }
        return Optional.empty();
    }

    public String whereToPut(String name) {
        return "set " + name + " in the environment or in " + credentialsFile;
    }
}
