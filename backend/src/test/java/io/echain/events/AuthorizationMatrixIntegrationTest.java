package io.echain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import io.echain.support.SiweMessages;
import io.echain.support.Wallet;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.utils.Numeric;

/** Every endpoint × anonymous, attendee, the event's organizer, another organizer and an admin. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTest extends ApiIntegrationTest {

    enum Who {
        ANONYMOUS,
        ATTENDEE,
        ORGANIZER,
        OTHER_ORGANIZER,
        ADMIN
    }

    enum Endpoint {
        LIST_EVENTS("GET /api/events", 200, 200, 200, 200, 200),
        GET_EVENT("GET /api/events/{id}", 200, 200, 200, 200, 200),
        CREATE_EVENT("POST /api/events", 401, 403, 201, 201, 201),
        UPDATE_EVENT("PUT /api/events/{id}", 401, 403, 200, 403, 200),
        CANCEL_EVENT("DELETE /api/events/{id}", 401, 403, 200, 403, 200),
        ME("GET /api/me", 401, 200, 200, 200, 200),
        CHANGE_EMAIL("PUT /api/me/email", 401, 200, 200, 200, 200),
        GRANT_ORGANIZER("PUT /api/admin/organizers/{address}", 401, 403, 403, 403, 200),
        REVOKE_ORGANIZER("DELETE /api/admin/organizers/{address}", 401, 403, 403, 403, 200),
        NONCE("POST /api/auth/nonce", 201, 201, 201, 201, 201),
        VERIFY("POST /api/auth/verify", 200, 200, 200, 200, 200),
        HEALTH("GET /health", 200, 200, 200, 200, 200),
        TRACK_PAYMENT("POST /api/payments", 401, 201, 201, 201, 201),
        GET_PAYMENT("GET /api/payments/{id}", 401, 403, 200, 403, 200),
        MY_PAYMENTS("GET /api/me/payments", 401, 200, 200, 200, 200),
        MY_TICKETS("GET /api/me/tickets", 401, 200, 200, 200, 200),
        REVENUE("GET /api/organizers/me/revenue", 401, 403, 200, 200, 200),
        EVENT_SALES("GET /api/events/{id}/sales", 401, 403, 200, 403, 200),
        QUOTE_UNKNOWN_EVENT("GET /api/events/{id}/quote", 404, 404, 404, 404, 404),
        TICKET_METADATA_UNKNOWN("GET /api/tickets/{id}", 404, 404, 404, 404, 404),
        TICKET_IMAGE_UNKNOWN("GET /api/tickets/{id}/image.svg", 404, 404, 404, 404, 404);

        final String route;
        final int[] expected;

        Endpoint(String route, int... expected) {
            this.route = route;
            this.expected = expected;
        }
    }

    private final Map<Who, Session> sessions = new EnumMap<>(Who.class);

    @BeforeAll
    void signInEveryone() {
        setUpApiForAll();
        sessions.put(Who.ATTENDEE, attendee());
        sessions.put(Who.ORGANIZER, organizer());
        sessions.put(Who.OTHER_ORGANIZER, organizer());
        sessions.put(Who.ADMIN, admin());
    }

    private void setUpApiForAll() {
        api = new Api(port);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(endpoint, who, endpoint.expected[who.ordinal()]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void enforcesRolesAndOwnership(Endpoint endpoint, Who who, int expected) {
        Session session = sessions.get(who);
        String token = session == null ? null : session.token();
        Api.Response response = call(endpoint, token);
        assertThat(response.status())
                .as(endpoint.route + " as " + who + ": " + response)
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    private Api.Response call(Endpoint endpoint, String token) {
        return switch (endpoint) {
            case LIST_EVENTS -> api.call("GET", "/api/events").token(token).send();
            case GET_EVENT ->
                api.call("GET", "/api/events/" + ownEvent()).token(token).send();
            case CREATE_EVENT ->
                api.call("POST", "/api/events")
                        .token(token)
                        .json(eventBody("Matrix event"))
                        .send();
            case UPDATE_EVENT ->
                api.call("PUT", "/api/events/" + ownEvent())
                        .token(token)
                        .header("If-Match", "\"0\"")
                        .json(eventBody("Matrix event renamed"))
                        .send();
            case CANCEL_EVENT ->
                api.call("DELETE", "/api/events/" + ownEvent()).token(token).send();
            case ME -> api.call("GET", "/api/me").token(token).send();
            case CHANGE_EMAIL ->
                api.call("PUT", "/api/me/email")
                        .token(token)
                        .json(Map.of("email", java.util.UUID.randomUUID() + "@example.org"))
                        .send();
            case GRANT_ORGANIZER ->
                api.call("PUT", "/api/admin/organizers/" + Wallet.random().address())
                        .token(token)
                        .send();
            case REVOKE_ORGANIZER ->
                api.call("DELETE", "/api/admin/organizers/" + Wallet.random().address())
                        .token(token)
                        .send();
            case NONCE -> api.call("POST", "/api/auth/nonce").token(token).send();
            case VERIFY -> {
                Wallet wallet = Wallet.random();
                String message = SiweMessages.valid(wallet, nonce()).text();
                yield api.call("POST", "/api/auth/verify")
                        .token(token)
                        .json(Map.of("message", message, "signature", wallet.sign(message)))
                        .send();
            }
            case HEALTH -> api.call("GET", "/health").token(token).send();
            case TRACK_PAYMENT ->
                api.call("POST", "/api/payments")
                        .token(token)
                        .json(Map.of("txHash", randomHash()))
                        .send();
            case GET_PAYMENT ->
                api.call("GET", "/api/payments/" + ownPayment()).token(token).send();
            case MY_PAYMENTS -> api.call("GET", "/api/me/payments").token(token).send();
            case MY_TICKETS -> api.call("GET", "/api/me/tickets").token(token).send();
            case REVENUE ->
                api.call("GET", "/api/organizers/me/revenue").token(token).send();
            case EVENT_SALES ->
                api.call("GET", "/api/events/" + ownEvent() + "/sales")
                        .token(token)
                        .send();
            case QUOTE_UNKNOWN_EVENT ->
                api.call("GET", "/api/events/987654321/quote?quantity=1")
                        .token(token)
                        .send();
            case TICKET_METADATA_UNKNOWN ->
                api.call("GET", "/api/tickets/987654321").token(token).send();
            case TICKET_IMAGE_UNKNOWN ->
                api.call("GET", "/api/tickets/987654321/image.svg").token(token).send();
        };
    }

    /** A payment the ORGANIZER session reported (an unknown hash stays PENDING). */
    private long ownPayment() {
        Api.Response tracked = api.call("POST", "/api/payments")
                .token(sessions.get(Who.ORGANIZER).token())
                .json(Map.of("txHash", randomHash()))
                .send();
        return tracked.json().get("id").asLong();
    }

    private static String randomHash() {
        return Numeric.toHexStringWithPrefixZeroPadded(new BigInteger(256, new SecureRandom()), 64);
    }

    private long ownEvent() {
        return createEvent(sessions.get(Who.ORGANIZER)).get("id").asLong();
    }
}
