package io.echain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every input rule answers 400 with the field named in errors; transport errors have their own codes. */
class EventValidationIntegrationTest extends ApiIntegrationTest {

    private Session organizer;

    @BeforeEach
    void signIn() {
        organizer = organizer();
    }

    static Stream<Arguments> invalidBodies() {
        Instant now = Instant.now();
        return Stream.of(
                invalid("name missing", "name", b -> b.remove("name")),
                invalid("name empty", "name", b -> b.put("name", "")),
                invalid("name blank", "name", b -> b.put("name", "   ")),
                invalid("name over 200 characters", "name", b -> b.put("name", "n".repeat(201))),
                invalid(
                        "description over 10,000 characters",
                        "description",
                        b -> b.put("description", "d".repeat(10_001))),
                invalid("location missing", "location", b -> b.remove("location")),
                invalid("location over 200 characters", "location", b -> b.put("location", "l".repeat(201))),
                invalid("start missing", "startsAt", b -> b.remove("startsAt")),
                invalid("end missing", "endsAt", b -> b.remove("endsAt")),
                invalid(
                        "end before start",
                        "endsAt",
                        b -> b.put("endsAt", now.plus(1, ChronoUnit.DAYS).toString())),
                invalid("end equal to start", "endsAt", b -> b.put("endsAt", b.get("startsAt"))),
                invalid(
                        "start in the past",
                        "startsAt",
                        b -> b.put("startsAt", now.minus(1, ChronoUnit.HOURS).toString())),
                invalid("start not a date", "startsAt", b -> b.put("startsAt", "next friday")),
                invalid(
                        "sale end after the event's end",
                        "saleEndsAt",
                        b -> b.put(
                                "saleEndsAt",
                                Instant.parse((String) b.get("endsAt"))
                                        .plusSeconds(1)
                                        .toString())),
                invalid("sale end equal to sale start", "saleEndsAt", b -> {
                    b.put("saleStartsAt", now.plus(1, ChronoUnit.DAYS).toString());
                    b.put("saleEndsAt", now.plus(1, ChronoUnit.DAYS).toString());
                }),
                invalid("sale end before sale start", "saleEndsAt", b -> {
                    b.put("saleStartsAt", now.plus(2, ChronoUnit.DAYS).toString());
                    b.put("saleEndsAt", now.plus(1, ChronoUnit.DAYS).toString());
                }),
                invalid(
                        "sale start not before the start (default sale end)",
                        "saleStartsAt",
                        b -> b.put("saleStartsAt", b.get("startsAt"))),
                invalid(
                        "sale end before creation (default sale start)",
                        "saleEndsAt",
                        b -> b.put("saleEndsAt", now.minus(1, ChronoUnit.HOURS).toString())),
                invalid("sale start not a date", "saleStartsAt", b -> b.put("saleStartsAt", "soon")),
                invalid("price missing", "priceWei", b -> b.remove("priceWei")),
                invalid("price negative", "priceWei", b -> b.put("priceWei", "-1")),
                invalid("price above 10^30", "priceWei", b -> b.put("priceWei", "1000000000000000000000000000001")),
                invalid("price with decimals", "priceWei", b -> b.put("priceWei", "1.5")),
                invalid("price not a number", "priceWei", b -> b.put("priceWei", "ten")),
                invalid("price as a JSON number", "priceWei", b -> b.put("priceWei", 1000)),
                invalid("capacity missing", "capacity", b -> b.remove("capacity")),
                invalid("capacity zero", "capacity", b -> b.put("capacity", 0)),
                invalid("capacity over a million", "capacity", b -> b.put("capacity", 1_000_001)),
                invalid("capacity as a string", "capacity", b -> b.put("capacity", "100")),
                invalid("capacity fractional", "capacity", b -> b.put("capacity", 1.5)),
                invalid("capacity wrong type", "capacity", b -> b.put("capacity", Map.of("n", 1))),
                invalid("NUL in the name", "name", b -> b.put("name", "Jazz\u0000Night")),
                invalid("NUL in the location", "location", b -> b.put("location", "Berlin\u0000")),
                invalid("NUL in the description", "description", b -> b.put("description", "a\u0000b")),
                invalid("a control character in the name", "name", b -> b.put("name", "Jazz\u0007Night")),
                invalid("start beyond the year 9999", "startsAt", b -> {
                    b.put("startsAt", "+10000-01-01T00:00:00Z");
                    b.put("endsAt", "+10000-01-02T00:00:00Z");
                }),
                invalid("end beyond the year 9999", "endsAt", b -> b.put("endsAt", "+10000-01-01T00:00:00Z")),
                invalid("sale start before 1970", "saleStartsAt", b -> b.put("saleStartsAt", "1969-12-31T23:59:59Z")),
                invalid("start as a number of seconds", "startsAt", b -> b.put("startsAt", 4102444800L)),
                invalid("transferLocked as a number", "transferLocked", b -> b.put("transferLocked", 1)),
                invalid("transferLocked as a string", "transferLocked", b -> b.put("transferLocked", "true")));
    }

    private static Arguments invalid(String name, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void rejectsInvalidEventOnCreate(String name, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = eventBody("Valid name");
        change.accept(body);
        Api.Response response = api.call("POST", "/api/events")
                .token(organizer.token())
                .json(body)
                .send();
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").has(field))
                .as(response.toString())
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void rejectsInvalidEventOnUpdate(String name, String field, Consumer<Map<String, Object>> change) {
        long id = createEvent(organizer).get("id").asLong();
        Map<String, Object> body = eventBody("Valid name");
        change.accept(body);
        Api.Response response = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "\"0\"")
                .json(body)
                .send();
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").has(field))
                .as(response.toString())
                .isTrue();
    }

    @Test
    void acceptsTheBoundaries() {
        Map<String, Object> body = eventBody("n".repeat(200));
        body.put("description", "d".repeat(10_000));
        body.put("priceWei", "1000000000000000000000000000000");
        body.put("capacity", 1_000_000);
        assertThat(api.call("POST", "/api/events")
                        .token(organizer.token())
                        .json(body)
                        .send()
                        .status())
                .isEqualTo(201);
        body.put("name", "n");
        body.put("priceWei", "0");
        body.put("capacity", 1);
        body.remove("description");
        assertThat(api.call("POST", "/api/events")
                        .token(organizer.token())
                        .json(body)
                        .send()
                        .status())
                .isEqualTo(201);
        // The sale window may open in the past and close exactly at the end; one second is enough.
        body.put("saleStartsAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        body.put("saleEndsAt", body.get("endsAt"));
        assertThat(api.call("POST", "/api/events")
                        .token(organizer.token())
                        .json(body)
                        .send()
                        .status())
                .isEqualTo(201);
        body.put(
                "saleStartsAt",
                Instant.parse((String) body.get("endsAt")).minusSeconds(1).toString());
        assertThat(api.call("POST", "/api/events")
                        .token(organizer.token())
                        .json(body)
                        .send()
                        .status())
                .isEqualTo(201);
    }

    @Test
    void duplicateKeysAre400() {
        String body = Api.JSON.writeValueAsString(eventBody("First")).replaceFirst("\\{", "{\"name\":\"Second\",");
        Api.Response response = api.call("POST", "/api/events")
                .token(organizer.token())
                .json(body)
                .send();
        assertProblem(response, 400, "malformed-request");
        assertThat(response.json().get("detail").asString()).contains("name");
    }

    @Test
    void malformedJsonIs400() {
        Api.Response response = api.call("POST", "/api/events")
                .token(organizer.token())
                .json("{\"name\": ")
                .send();
        assertProblem(response, 400, "malformed-request");
    }

    @Test
    void emptyBodyIs400() {
        assertProblem(
                api.call("POST", "/api/events")
                        .token(organizer.token())
                        .json("")
                        .send(),
                400,
                "malformed-request");
    }

    @Test
    void wrongContentTypeIs415() {
        Api.Response response = api.call("POST", "/api/events")
                .token(organizer.token())
                .raw("text/plain", HttpRequest.BodyPublishers.ofString("hello"))
                .send();
        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        assertProblem(
                api.call("POST", "/api/events")
                        .token(organizer.token())
                        .json(big)
                        .send(),
                413,
                "payload-too-large");
    }

    @Test
    void chunkedBodyOverOneMebibyteIs413() {
        byte[] big = ("{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes();
        Api.Response response = api.call("POST", "/api/events")
                .token(organizer.token())
                .raw("application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .send();
        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void chunkedBodyUnderTheLimitIsRead() {
        byte[] body = Api.JSON.writeValueAsBytes(eventBody("Chunked"));
        Api.Response response = api.call("POST", "/api/events")
                .token(organizer.token())
                .raw("application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void unsupportedMethodIs405() {
        assertProblem(
                api.call("PATCH", "/api/events")
                        .token(organizer.token())
                        .json("{}")
                        .send(),
                405,
                "method-not-allowed");
    }

    @Test
    void unknownPathIs404() {
        assertProblem(api.get("/api/nothing-here", organizer.token()), 404, "not-found");
    }

    @Test
    void nonNumericEventIdIs400() {
        Api.Response response = api.get("/api/events/abc");
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").has("id")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "page=-1",
                "page=abc",
                "page=10001",
                "size=0",
                "size=101",
                "size=abc",
                "sort=name",
                "sort=startsAt,sideways",
                "sort=relevance",
                "sort=price,asc,extra",
                "status=OPEN",
                "available=maybe",
                "startsFrom=yesterday",
                "startsFrom=2030-01-02T00:00:00Z&startsTo=2030-01-01T00:00:00Z",
                "priceMin=-5",
                "priceMin=abc",
                "priceMin=10&priceMax=5",
                "priceMax=1000000000000000000000000000001",
                "organizer=0x123",
                "organizer=nobody",
                "q=jazz%00night",
                "location=Berlin%00",
                "q=%07",
                "startsFrom=%2B10000-01-01T00:00:00Z",
                "startsTo=%2B10000-01-01T00:00:00Z"
            })
    void rejectsInvalidListParameters(String query) {
        Api.Response response = api.get("/api/events?" + query);
        assertProblem(response, 400, "validation");
        String field =
                query.contains("&") ? query.substring(query.indexOf('&') + 1).split("=")[0] : query.split("=")[0];
        assertThat(response.json().get("errors").has(field))
                .as(response.toString())
                .isTrue();
    }

    @Test
    void rejectsOverlongSearchTerm() {
        Api.Response response = api.get("/api/events?q=" + "a".repeat(201));
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").has("q")).isTrue();
    }
}
