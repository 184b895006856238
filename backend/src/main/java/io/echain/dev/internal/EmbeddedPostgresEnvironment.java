package io.echain.dev.internal;

import io.echain.dev.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With {@code echain.embedded-postgres.enabled=true} (dev profile, tests), starts embedded PostgreSQL
 * before the context and points {@code spring.datasource.*} at it. {@code .data-dir} keeps data
 * (empty: temporary), {@code .port} fixes the port (0: any free port).
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("echain.embedded-postgres.enabled", Boolean.class, false)) {
            return;
        }
        String dir = environment.getProperty("echain.embedded-postgres.data-dir", "");
        int port = environment.getProperty("echain.embedded-postgres.port", Integer.class, 0);
        EmbeddedPostgres.Server server = EmbeddedPostgres.start(StringUtils.hasText(dir) ? Path.of(dir) : null, port);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "embeddedPostgres",
                        Map.of(
                                "spring.datasource.url", server.jdbcUrl(),
                                "spring.datasource.username", server.username(),
                                "spring.datasource.password", server.password())));
    }
}
