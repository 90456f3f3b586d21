package org.redteam4j.app.cli;

import org.redteam4j.core.format.TerminalText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Where the details of an internal error go. A stack trace can name files, hosts and queries, so
 * each log is a new file (never an existing one, never through a symbolic link) that only its owner
 * can read, in a directory of the user's own: {@code $XDG_STATE_HOME/redteam4j/crash}, else
 * {@code ~/.local/state/redteam4j/crash}, else {@code TMPDIR/redteam4j-USER} when it is the user's and
 * no one else may write to it. The system property {@value #DIRECTORY_PROPERTY} names another.
 */
public final class CrashLog {

    /** A directory for crash logs instead of the per-user default (tests, packagers). */
    public static final String DIRECTORY_PROPERTY = "redteam4j.crash.dir";

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Path> directories;

    CrashLog(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    /** The directory the property names, else the per-user ones above, first usable wins. */
    public static CrashLog forUser() {
        String chosen = System.getProperty(DIRECTORY_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            return new CrashLog(List.of(Path.of(chosen)));
        }
        List<Path> candidates = new ArrayList<>();
        String state = System.getenv("XDG_STATE_HOME");
        if (state != null && Path.of(state).isAbsolute()) {
            candidates.add(Path.of(state, "redteam4j", "crash"));
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".local", "state", "redteam4j", "crash"));
        candidates.add(Path.of(System.getProperty("java.io.tmpdir"), "redteam4j-" + System.getProperty("user.name")));
        return new CrashLog(candidates);
    }

    /** Writes {@code text} to a new log; returns its path, or why there is none. */
    public Written write(String text) {
        List<String> problems = new ArrayList<>();
        for (Path directory : directories) {
            try {
                return new Written(create(ownDirectory(directory), text.getBytes(StandardCharsets.UTF_8)), null);
            } catch (IOException | SecurityException e) {
                problems.add(e.getMessage());
            }
        }
        return new Written(null, String.join("; ", problems));
    }

    /** Where a log went: {@code path}, or none and {@code problem}. */
    public record Written(Path path, String problem) {

        /** What to tell the user, escaped for the terminal. */
        public String sentence() {
            return TerminalText.escape(path != null ? "Details were written to " + path + "; please include that file when you report it."
                    : "The details could not be written: " + problem);
        }
    }

    /** The directory, made owner-only if new; refused if it is a link, or another user's, or others may write to it. */
    static Path ownDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(directory + " is not a directory (a symbolic link is not followed)");
            }
            Files.createDirectories(directory, ownerOnly("rwx------"));
        }
        if (POSIX) {
            PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory()) {
                throw new IOException(directory + " is not a directory (a symbolic link is not followed)");
            }
            if (!attributes.owner().getName().equals(System.getProperty("user.name"))) {
                throw new IOException(directory + " belongs to " + attributes.owner().getName() + ", not to "
                        + System.getProperty("user.name"));
            }
            Set<PosixFilePermission> permissions = attributes.permissions();
            if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException(directory + " may be written by others (" + PosixFilePermissions.toString(permissions) + ")");
            }
        }
        return directory;
    }

    /** A new file of a name no one can guess, holding {@code bytes}. */
    static Path create(Path directory, byte[] bytes) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (int attempt = 0; ; attempt++) {
            byte[] random = new byte[6];
            RANDOM.nextBytes(random);
            try {
                return createExclusively(directory.resolve("redteam4j-error-" + stamp + "-" + ProcessHandle.current().pid() + "-"
                        + HexFormat.of().formatHex(random) + ".log"), bytes);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Creates {@code file} owner-only and writes it; an existing file or link there is never opened. */
    static Path createExclusively(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = Channels.newOutputStream(Files.newByteChannel(file, Set.<OpenOption>of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), ownerOnly("rw-------")))) {
            out.write(bytes);
            return file;
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
