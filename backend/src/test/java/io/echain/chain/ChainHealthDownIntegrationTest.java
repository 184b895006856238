package io.echain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code ECHAIN_HEALTH_CHAIN=down}: while the node cannot be reached, readiness is DOWN (503), so a load balancer
 * takes the instance out, and {@code /health} says the chain is why; liveness stays 200 and the API itself still
 * serves reads. (The default, {@code degraded}, keeps readiness 200: {@link NodeOutageIntegrationTest}.)
 */
@TestPropertySource(
        properties = {
            "echain.health.chain.when-down=down",
            // No node ever answers here: nothing to send, and the shared chain stays out of it.
            "echain.chain.outbox.enabled=false"
        })
@ContextConfiguration(initializers = ChainHealthDownIntegrationTest.NoNode.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChainHealthDownIntegrationTest extends ApiIntegrationTest {

    /** Points the backend at a port where nothing listens (after the test profile's local Anvil set its URL). */
    static class NoNode implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("noNode", Map.of("echain.chain.rpc-url", "http://127.0.0.1:1")));
        }
    }

    @Test
    void readinessIsDownWhileTheNodeIsUnreachableAndReadsStillServe() {
        Api.Response readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
        JsonNode components = readiness.json().get("components");
        assertThat(components.get("chain").get("status").asString()).isEqualTo("DOWN");
        assertThat(components.get("chain").get("details").get("reachable").asBoolean())
                .isFalse();
        assertThat(components.get("chain").get("details").get("error").asString())
                .contains("node unreachable");
        assertThat(components.get("database").get("status").asString()).isEqualTo("UP");

        Api.Response health = api.get("/health");
        assertThat(health.status()).as(health.toString()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
        assertThat(health.json().get("failing").toString()).isEqualTo("[\"chain\"]");
        assertThat(health.json().get("checks").get("chain").get("error").asString())
                .contains("node unreachable");

        assertThat(api.get("/actuator/health/liveness").status())
                .as("liveness does not depend on the node")
                .isEqualTo(200);
        assertThat(api.get("/api/events").status())
                .as("the instance itself still serves reads")
                .isEqualTo(200);
    }
}
