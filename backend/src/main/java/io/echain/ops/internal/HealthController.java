package io.echain.ops.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: overall status, time, version and a live database round trip; 503 when down. */
@RestController
@Tag(name = "Operations")
class HealthController {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String version;

    HealthController(JdbcClient jdbc, Clock clock, ObjectProvider<BuildProperties> build) {
        this.jdbc = jdbc;
        this.clock = clock;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    record Check(String status, Long latencyMs, String error) {
    }

    record Health(String status, Instant timestamp, String version, Map<String, Check> checks) {
    }

    @GetMapping(path = "/health", produces = "application/json")
    @Operation(summary = "Health summary with a database check")
    @ApiResponse(responseCode = "200", description = "Up")
    @ApiResponse(responseCode = "503", description = "A dependency is down")
    ResponseEntity<Health> health() {
        Check database = database();
        boolean up = "UP".equals(database.status());
        Health body = new Health(up ? "UP" : "DOWN", clock.instant(), version, Map.of("database", database));
        return ResponseEntity.status(up ? 200 : 503).body(body);
    }

    private Check database() {
        long start = System.nanoTime();
        try {
            jdbc.sql("select 1").query(Integer.class).single();
            return new Check("UP", (System.nanoTime() - start) / 1_000_000, null);
        } catch (RuntimeException e) {
            return new Check("DOWN", null, "database unreachable");
        }
    }
}
