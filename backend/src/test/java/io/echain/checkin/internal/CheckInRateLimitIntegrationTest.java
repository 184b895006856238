package io.echain.checkin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Scans and syncs share one per-scanner budget; past it the answer is a 429 problem with Retry-After. */
class CheckInRateLimitIntegrationTest extends ApiIntegrationTest {

    @DynamicPropertySource
    static void tightCheckInLimit(DynamicPropertyRegistry registry) {
        registry.add("echain.rate-limit.policies.checkin.per-user", () -> 4);
    }

    @Test
    void limitsScansAndSyncsPerScanner() {
        Session scanner = attendee();
        Api.Response response = null;
        int answered = 0;
        for (int i = 0; i < 6; i++) {
            String path = i % 2 == 0 ? "/api/events/999999/checkins" : "/api/events/999999/checkins/sync";
            Map<String, Object> body = i % 2 == 0
                    ? Map.of(
                            "code",
                            "ECHK1.x",
                            "gate",
                            "North",
                            "scanId",
                            UUID.randomUUID().toString())
                    : Map.of("gate", "North", "scans", java.util.List.of());
            response = api.call("POST", path).token(scanner.token()).json(body).send();
            if (response.status() == 429) {
                break;
            }
            answered++;
        }
        assertThat(answered).as("requests answered before the limit").isEqualTo(4);
        assertProblem(response, 429, "rate-limited");
        assertThat(Long.parseLong(response.header("Retry-After").orElseThrow())).isBetween(1L, 60L);

        Session other = attendee();
        Api.Response others = api.call("POST", "/api/events/999999/checkins")
                .token(other.token())
                .json(Map.of(
                        "code",
                        "ECHK1.x",
                        "gate",
                        "North",
                        "scanId",
                        UUID.randomUUID().toString()))
                .send();
        assertProblem(others, 404, "not-found");
    }
}
