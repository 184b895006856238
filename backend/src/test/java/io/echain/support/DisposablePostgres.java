package io.echain.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL of one test class's own (real binaries from the Maven artifact, data in a temporary directory, a free
 * loopback port), which the test may stop and start again (same port, same data) to make a database outage without
 * disturbing the PostgreSQL every other test shares. Removed at JVM exit.
 */
public final class DisposablePostgres {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private DisposablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static DisposablePostgres start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            DisposablePostgres postgres = new DisposablePostgres(Files.createTempDirectory("echain-pg-fault"), port);
            postgres.up();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::remove, "disposable-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** Starts the server (again) on the same port with the same data; returns once it accepts connections. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL on port " + port, e);
        }
    }

    /** Stops the server ({@code pg_ctl stop}, fast mode: open sessions are cut); the data stays. */
    public synchronized void down() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    private void remove() {
        down();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
