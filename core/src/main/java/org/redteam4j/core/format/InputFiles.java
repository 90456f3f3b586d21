package org.redteam4j.core.format;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.redteam4j.core.failure.BadInput;

/**
 * What a path given as an input file is, when it is not a readable regular file: missing, a
 * directory, a pipe, a device. Checked before opening, since opening a named pipe blocks until
 * something writes to it, and a device such as {@code /dev/zero} never ends. Files are read more
 * than once (hashed, sniffed for their format, then read), which a pipe cannot be.
 */
public final class InputFiles {

    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private InputFiles() {
    }

    /** The size of {@code path}, a readable regular file (links followed); otherwise a BadInput saying what it is. */
    public static long requireRegularFile(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new BadInput(path + (Files.isSymbolicLink(path) ? ": is a broken symbolic link (its target does not exist)"
                    : ": no such file"));
        } catch (IOException e) {
            throw unreadable(path, e);
        }
        if (attributes.isDirectory()) {
            throw new BadInput(path + ": is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new BadInput(path + ": is not a regular file (" + kind(path)
                    + "); give a regular file (copy the data into one first)");
        }
        if (!Files.isReadable(path)) {
            throw new BadInput(path + ": cannot be read (permission denied)");
        }
        return attributes.size();
    }

    /** The error for a file that exists but could not be opened or read. */
    static BadInput unreadable(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new BadInput(path + ": no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new BadInput(path + ": cannot be read (permission denied)", e);
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace(path.toString() + ": ", "");
        return new BadInput(path + ": cannot be read (" + reason + ")", e);
    }

    private static String kind(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & TYPE_MASK) {
                case FIFO -> "a named pipe";
                case CHARACTER_DEVICE -> "a character device";
                case BLOCK_DEVICE -> "a block device";
                case SOCKET -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file"; // no unix attribute view on this file system
        }
    }
}
