package io.echain.ops.internal;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Maps {@code ECHAIN_SENTRY_DSN} to {@code sentry.dsn} only when it is set, so that without a DSN Sentry's
 * auto-configuration (its filters and logging appender) does not load at all.
 */
class SentryEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dsn = environment.getProperty("echain.sentry.dsn", "");
        if (StringUtils.hasText(dsn) && !environment.containsProperty("sentry.dsn")) {
            environment.getPropertySources().addFirst(new MapPropertySource("echainSentry", Map.of("sentry.dsn", dsn)));
        }
    }
}
