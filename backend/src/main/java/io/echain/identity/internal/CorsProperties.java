package io.echain.identity.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code echain.cors.*}: browser origins (scheme, host and port, e.g. {@code https://dapp.example}) other than the
 * backend's own that may call the API ({@code ECHAIN_CORS_ALLOWED_ORIGINS}, comma separated; empty by default, so only
 * the same origin can).
 */
@ConfigurationProperties("echain.cors")
record CorsProperties(List<String> allowedOrigins) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
