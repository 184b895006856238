package io.echain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** A dapp on an allowed origin (echain.cors.allowed-origins, https://dapp.example in the test profile) may call the API. */
class CorsIntegrationTest extends ApiIntegrationTest {

    private static final String DAPP = "https://dapp.example";

    @Test
    void answersAPreflightFromAnAllowedOriginWithoutAuthentication() {
        Api.Response preflight = api.call("OPTIONS", "/api/events")
                .header("Origin", DAPP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .send();

        assertThat(preflight.status()).as(preflight.toString()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue(DAPP);
        assertThat(preflight.header("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization", "content-type");
    }

    @Test
    void letsTheAllowedOriginReadAnswersAndTheirHeaders() {
        Api.Response list =
                api.call("GET", "/api/events").header("Origin", DAPP).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Access-Control-Allow-Origin")).hasValue(DAPP);

        long id = createEvent(organizer()).get("id").asLong();
        Api.Response detail =
                api.call("GET", "/api/events/" + id).header("Origin", DAPP).send();
        assertThat(detail.header("Access-Control-Expose-Headers").orElse("")).contains("ETag");
        Api.Response denied = api.call("GET", "/api/me").header("Origin", DAPP).send();
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.header("Access-Control-Allow-Origin"))
                .as("errors are readable too")
                .hasValue(DAPP);
    }

    @Test
    void refusesOtherOriginsWithAProblem() {
        Api.Response preflight = api.call("OPTIONS", "/api/events")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .send();
        assertProblem(preflight, 403, "forbidden");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
