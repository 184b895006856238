package io.echain.identity.internal;

import io.echain.shared.ProblemType;
import io.echain.shared.ProblemWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * CORS for the configured origins ({@link CorsProperties}): preflights are answered before authentication (a
 * browser sends no token with them), answers carry the headers a dapp reads (ETag, Location, Retry-After), and a
 * request from any other origin is refused with a 403 problem. Bearer tokens, not cookies: no credentials mode.
 */
@Component
class CorsSupport {

    private final CorsProperties properties;
    private final JsonMapper json;

    CorsSupport(CorsProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    void apply(HttpSecurity http) {
        if (properties.allowedOrigins().isEmpty()) {
            return; // same origin only: browsers refuse cross-origin reads without Access-Control-Allow-Origin
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "WWW-Authenticate"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        http.addFilterAt(filter, CorsFilter.class);
    }

    /** Refuses a request from an origin that is not allowed with a problem, like every other error. */
    private final class ProblemCorsProcessor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            var problem = ProblemWriter.problem(
                    ProblemType.FORBIDDEN,
                    "This origin may not call the Echain API (see ECHAIN_CORS_ALLOWED_ORIGINS)",
                    Map.of());
            response.setStatusCode(ProblemType.FORBIDDEN.status());
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(json.writeValueAsBytes(problem));
            response.flush();
        }
    }
}
