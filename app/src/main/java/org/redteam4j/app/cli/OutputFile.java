package org.redteam4j.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;
import org.redteam4j.core.failure.BadInput;

/**
 * A file a command writes: checked before any work (its folder exists, it is no folder, it is none of
 * the command's inputs), then written beside itself and moved into place, so a failed or interrupted
 * write never leaves half a file. A name ending in .gz is gzipped.
 */
public final class OutputFile {

    /** Writes the content to a stream; may throw IOException. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream stream) throws IOException;
    }

    private final String option;
    private final Path path;

    private OutputFile(String option, Path path) {
        this.option = option;
        this.path = path;
    }

    /** {@code option} names the file in errors, e.g. "--out out.json"; {@code inputs} must not be overwritten. */
    public static OutputFile checked(String option, Path path, Path... inputs) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new BadInput(option + ": is a folder");
        }
        if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
            throw new BadInput(option + ": the folder " + absolute.getParent() + " does not exist");
        }
        for (Path input : inputs) {
            if (input != null && absolute.equals(input.toAbsolutePath().normalize())) {
                throw new BadInput(option + ": is an input of this command; it would be overwritten");
            }
        }
        return new OutputFile(option, absolute);
    }

    public <T> T write(Content<T> content) {
        Path partial = path.resolveSibling("." + path.getFileName() + ".partial");
        try {
            T result;
            try (OutputStream stream = open(partial)) {
                result = content.writeTo(stream);
            }
            Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(option + ": cannot be written (" + e.getMessage() + ")", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the partial file is hidden and harmless; the write's own outcome is what matters
            }
        }
    }

    private OutputStream open(Path partial) throws IOException {
        OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
        return path.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(stream, 1 << 16) : stream;
    }
}
