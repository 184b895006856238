package io.echain.ops.internal;

import io.sentry.Sentry;
import io.sentry.SentryOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Sentry, active only with a DSN ({@code ECHAIN_SENTRY_DSN}): the release defaults to {@code echain-backend@} and
 * the build's version, and every event and breadcrumb passes {@link SentryScrubber} before it leaves, with the
 * configured secrets: operator key, JWT secret, database and Redis passwords, and the node's RPC URL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sentry.dsn")
class SentryConfiguration {

    @Bean
    SentryScrubber sentryScrubber(Environment environment) {
        List<String> secrets = new ArrayList<>();
        for (String property :
                List.of("echain.chain.operator-key", "echain.identity.jwt-secret", "spring.datasource.password")) {
            secrets.add(environment.getProperty(property, ""));
        }
        String redis = environment.getProperty("echain.redis-url", "");
        int at = redis.lastIndexOf('@');
        int colon = redis.indexOf(':', redis.indexOf("//") + 2);
        if (at > 0 && colon > 0 && colon < at) {
            secrets.add(redis.substring(colon + 1, at));
        }
        secrets.addAll(rpcUrlSecrets(environment.getProperty("echain.chain.rpc-url", "")));
        return new SentryScrubber(secrets);
    }

    /**
     * The node's URL (ECHAIN_RPC_URL) carries the provider's API key, in the path ({@code /v2/<key>}), the query or
     * the user info: the whole URL, and each of those parts on its own, in case a message quotes only a piece.
     */
    static List<String> rpcUrlSecrets(String rpcUrl) {
        List<String> secrets = new ArrayList<>();
        if (rpcUrl == null || rpcUrl.isBlank()) {
            return secrets;
        }
        secrets.add(rpcUrl.trim());
        try {
            URI uri = URI.create(rpcUrl.trim());
            for (String part : new String[] {uri.getRawPath(), uri.getRawQuery(), uri.getRawUserInfo()}) {
                if (part != null && !part.isBlank() && !"/".equals(part)) {
                    secrets.add(part);
                }
            }
        } catch (IllegalArgumentException notAUri) {
            // The whole value is still scrubbed.
        }
        return secrets;
    }

    @Bean
    Sentry.OptionsConfiguration<SentryOptions> echainSentryOptions(ObjectProvider<BuildProperties> build) {
        return options -> {
            if (options.getRelease() == null || options.getRelease().isBlank()) {
                BuildProperties properties = build.getIfAvailable();
                options.setRelease("echain-backend@" + (properties == null ? "dev" : properties.getVersion()));
            }
            options.setSendDefaultPii(false);
        };
    }
}
