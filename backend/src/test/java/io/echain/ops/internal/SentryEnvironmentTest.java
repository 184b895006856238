package io.echain.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SentryEnvironmentTest {

    @Test
    void turnsSentryOnOnlyWhenADsnIsConfigured() {
        StandardEnvironment without = environment("");
        new SentryEnvironment().postProcessEnvironment(without, null);
        assertThat(without.containsProperty("sentry.dsn"))
                .as("no DSN: Sentry's auto-configuration stays off")
                .isFalse();

        StandardEnvironment with = environment("https://key@sentry.example/1");
        new SentryEnvironment().postProcessEnvironment(with, null);
        assertThat(with.getProperty("sentry.dsn")).isEqualTo("https://key@sentry.example/1");
    }

    private static StandardEnvironment environment(String dsn) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("echain.sentry.dsn", dsn)));
        return environment;
    }
}
