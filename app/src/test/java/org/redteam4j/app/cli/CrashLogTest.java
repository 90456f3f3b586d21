package org.redteam4j.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.Cli;

/**
 * An internal error's details hold file names, hosts and queries: they go to a new file only the
 * user can read, in a directory of the user's own, created exclusively and never through a link.
 */
@Tag("security")
class CrashLogTest {

    private static final Pattern WRITTEN = Pattern.compile("Details were written to (\\S+); please include");

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheDirectory() {
        System.clearProperty(CrashLog.DIRECTORY_PROPERTY);
    }

    private String internalError(Path crashDirectory) {
        System.setProperty(CrashLog.DIRECTORY_PROPERTY, crashDirectory.toString());
        StringWriter err = new StringWriter();
        int code = new FailureHandler().handleExecutionException(new IllegalStateException("boom at jdbc:postgresql://db/x"),
                Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true)), null);
        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        return err.toString();
    }

    @Test
    void writesANewOwnerOnlyFileInAnOwnerOnlyDirectoryOfTheUser() throws Exception {
        Path crash = dir.resolve("state").resolve("crash");

        String err = internalError(crash);

        Matcher written = WRITTEN.matcher(err);
        assertThat(written.find()).as(err).isTrue();
        Path log = Path.of(written.group(1));
        assertThat(log.getParent()).isEqualTo(crash);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(crash, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rwx------");
        assertThat(Files.readString(log)).contains("IllegalStateException: boom");
        assertThat(log.getFileName().toString()).as("not a name to plant a link at in advance")
                .matches("redteam4j-error-\\d{8}-\\d{6}-\\d+-[0-9a-f]{12}\\.log");
    }

    @Test
    void aDirectoryThatIsASymbolicLinkIsNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("crash"), elsewhere);

        String err = internalError(link);

        assertThat(err).contains("The details could not be written: " + link + " is not a directory");
        try (var files = Files.list(elsewhere)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void aDirectoryOthersMayWriteIsRefused() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(internalError(shared)).contains("The details could not be written: " + shared + " may be written by others");
    }

    @Test
    void anExistingFileOrLinkIsNeverOpened() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "keep");
        Path planted = Files.createSymbolicLink(dir.resolve("redteam4j-error.log"), victim);

        assertThatThrownBy(() -> CrashLog.createExclusively(planted, "details".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(victim)).isEqualTo("keep");
    }
}
