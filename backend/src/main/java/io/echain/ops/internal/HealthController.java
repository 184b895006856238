package io.echain.ops.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: overall status, time, version and the same checks readiness runs (database, chain), each with
 * its status and, when it failed, why; answered within a second whatever is down. 503 when a check is DOWN; a
 * DEGRADED chain (node unreachable while {@code echain.health.chain.when-down=degraded}) keeps it 200.
 */
@RestController
@Tag(name = "Operations")
class HealthController {

    private static final List<String> CHECKS = List.of("database", "chain");

    private final HealthContributorRegistry contributors;
    private final Clock clock;
    private final String version;

    HealthController(HealthContributorRegistry contributors, Clock clock, ObjectProvider<BuildProperties> build) {
        this.contributors = contributors;
        this.clock = clock;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    @Schema(description = "One check: UP, DEGRADED or DOWN, with its figures and, unless UP, what is wrong")
    record Check(
            String status,
            @Schema(nullable = true) Long latencyMs,
            @Schema(nullable = true) String error,
            Map<String, Object> details) {}

    record Health(
            @Schema(description = "UP, DEGRADED (a check degraded, the API serves) or DOWN")
            String status,

            Instant timestamp,
            String version,

            @Schema(description = "Names of the checks that are not UP")
            List<String> failing,

            Map<String, Check> checks) {}

    @GetMapping(path = "/health", produces = "application/json")
    @Operation(summary = "Health summary: database and chain checks (node, head block and its age, indexer lag)")
    @ApiResponse(responseCode = "200", description = "Up, or degraded (the chain is impaired; reads serve)")
    @ApiResponse(responseCode = "503", description = "A check is down; see failing and the checks' error")
    ResponseEntity<Health> health() {
        Map<String, Check> checks = new LinkedHashMap<>();
        for (String name : CHECKS) {
            HealthContributor contributor = contributors.getContributor(name);
            if (contributor instanceof HealthIndicator indicator) {
                checks.put(name, check(indicator.health()));
            }
        }
        List<String> failing = checks.entrySet().stream()
                .filter(e -> !"UP".equals(e.getValue().status()))
                .map(Map.Entry::getKey)
                .toList();
        boolean down =
                checks.values().stream().anyMatch(c -> Status.DOWN.getCode().equals(c.status()));
        String status = down ? "DOWN" : failing.isEmpty() ? "UP" : "DEGRADED";
        return ResponseEntity.status(down ? 503 : 200)
                .body(new Health(status, clock.instant(), version, failing, checks));
    }

    private static Check check(org.springframework.boot.health.contributor.Health health) {
        Map<String, Object> details = new LinkedHashMap<>(health.getDetails());
        Object latency = details.remove("latencyMs");
        Object error = details.remove("error");
        return new Check(
                health.getStatus().getCode(),
                latency instanceof Number n ? n.longValue() : null,
                error == null ? null : error.toString(),
                details);
    }
}
