package io.echain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With the node unreachable, chain reads answer 503 with Retry-After while the rest of the API keeps serving. */
@TestPropertySource(
        properties = {
            "echain.chain.local-anvil.enabled=false",
            "echain.chain.rpc-url=http://127.0.0.1:9",
            "echain.chain.rpc-timeout=1s",
            "echain.chain.verify-on-startup=false",
            "echain.chain.outbox.enabled=false",
            "echain.chain.ticket-nft=0x5FbDB2315678afecb367f032d93F642f64180aa3",
            "echain.chain.payment-processor=0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"
        })
class ChainUnavailableIntegrationTest extends ApiIntegrationTest {

    @Test
    void answers503WithRetryAfterWhenTheNodeIsDown() {
        var response = api.get("/api/chain");
        assertProblem(response, 503, "unavailable");
        assertThat(response.header("Retry-After")).contains("5");
        assertThat(response.json().get("detail").asString()).contains("node is unreachable");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.echain");
    }

    @Test
    void keepsServingEventsWhenTheNodeIsDown() {
        assertThat(api.get("/api/events").status()).isEqualTo(200);
    }
}
