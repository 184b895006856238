package io.echain.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A fresh PostgreSQL (real binaries from a Maven artifact) on a free port with an empty database "echain". */
final class Postgres implements AutoCloseable {

    final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start() throws IOException, SQLException {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("echain-deploy-pg"))
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
        Postgres postgres = new Postgres(server);
        try (Connection c = postgres.connect("postgres")) {
            c.createStatement().execute("create database echain");
        }
        return postgres;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/echain";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database,
                "postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
