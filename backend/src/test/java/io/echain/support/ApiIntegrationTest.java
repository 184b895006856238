package io.echain.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Base of the HTTP integration tests: the whole application on a random port over the embedded
 * PostgreSQL that the test profile starts once per JVM. Helpers sign in real wallets with SIWE.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ApiIntegrationTest.ACTUATOR_ON_APP_PORT)
@ActiveProfiles("test")
public abstract class ApiIntegrationTest {

    /**
     * Actuator on the application's port, as in dev (production moves it to the management port). Set inline:
     * the random-port support of the tests would otherwise move any configured management port to a random one.
     */
    public static final String ACTUATOR_ON_APP_PORT = "management.server.port=";

    @LocalServerPort
    protected int port;

    protected Api api;

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void setUpApi() {
        api = new Api(port);
    }

    /** A signed-in user: wallet plus access token. */
    public record Session(Wallet wallet, String token) {
        public String address() {
            return wallet.lower();
        }
    }

    protected String nonce() {
        Api.Response response = api.call("POST", "/api/auth/nonce").send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("nonce").asString();
    }

    protected Api.Response verify(String message, String signature) {
        return api.call("POST", "/api/auth/verify")
                .json(Map.of("message", message, "signature", signature))
                .send();
    }

    protected Session signIn(Wallet wallet) {
        String message = SiweMessages.valid(wallet, nonce()).text();
        Api.Response response = verify(message, wallet.sign(message));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new Session(wallet, response.json().get("accessToken").asString());
    }

    protected Session attendee() {
        return signIn(Wallet.random());
    }

    protected Session admin() {
        return new Session(
                Wallet.ADMIN,
                TOKENS.computeIfAbsent("admin", k -> signIn(Wallet.ADMIN).token()));
    }

    /** A fresh wallet that an admin made organizer, signed in again to carry the role. */
    protected Session organizer() {
        Wallet wallet = Wallet.random();
        Api.Response granted = api.call("PUT", "/api/admin/organizers/" + wallet.address())
                .token(admin().token())
                .send();
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return signIn(wallet);
    }

    protected static Map<String, Object> eventBody(String name) {
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "An evening of music and talks.");
        body.put("location", "Kulturbrauerei, Berlin");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(4, ChronoUnit.HOURS).toString());
        body.put("priceWei", "10000000000000000");
        body.put("capacity", 100);
        return body;
    }

    protected JsonNode createEvent(Session organizer, Map<String, Object> body) {
        Api.Response response = api.call("POST", "/api/events")
                .token(organizer.token())
                .json(body)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    protected JsonNode createEvent(Session organizer) {
        return createEvent(organizer, eventBody("Test event"));
    }

    protected static void assertProblem(Api.Response response, int status, String typeSlug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode json = response.json();
        assertThat(json.get("type").asString())
                .as(response.toString())
                .isEqualTo("https://echain.io/problems/" + typeSlug);
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.hasNonNull("detail")).as(response.toString()).isTrue();
    }
}
