package io.echain.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OperationsIntegrationTest extends ApiIntegrationTest {

    @Test
    void healthReportsStatusTimeVersionAndDatabase() {
        Api.Response response = api.get("/health");
        assertThat(response.status()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("timestamp").asString()).isNotBlank();
        assertThat(health.get("version").asString()).isNotBlank();
        assertThat(health.get("checks").get("database").get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void livenessAndReadinessProbesAreUp() {
        assertThat(api.get("/actuator/health/liveness").json().get("status").asString())
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").json().get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusExposesHttpAndPoolMetrics() {
        api.get("/api/events");
        Api.Response response = api.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("http_server_requests_seconds").contains("hikaricp_connections");
    }

    @Test
    void servesSwaggerUiAndTheOpenApiDocument() {
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
        JsonNode doc = api.get("/v3/api-docs").json();
        assertThat(doc.get("components").get("securitySchemes").has("bearer")).isTrue();
        assertThat(doc.get("components").get("schemas").has("Problem")).isTrue();
    }
}
