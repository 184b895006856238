package io.echain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class EventsApiIntegrationTest extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void publishesAnEventOwnedByTheCaller() {
        Session organizer = organizer();
        Map<String, Object> body = eventBody("Berlin Blockchain Night");
        body.put("priceWei", "123456789012345678901234567890");
        Api.Response created = api.call("POST", "/api/events")
                .token(organizer.token())
                .json(body)
                .send();

        assertThat(created.status()).isEqualTo(201);
        JsonNode event = created.json();
        long id = event.get("id").asLong();
        assertThat(created.header("Location")).hasValue("/api/events/" + id);
        assertThat(created.header("ETag")).hasValue("\"0\"");
        assertThat(event.get("organizer").asString()).isEqualTo(organizer.address());
        assertThat(event.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(event.get("priceWei").asString()).isEqualTo("123456789012345678901234567890");
        assertThat(event.get("availability").toString()).isEqualTo("{\"capacity\":100,\"sold\":0,\"remaining\":100}");
        // Registration on chain is queued in the same transaction (docs/chain.md); the contract id is the backend id.
        assertThat(event.get("chain").get("eventId").asString()).isEqualTo(Long.toString(id));
        assertThat(event.get("chain").get("status").asString()).isEqualTo("PENDING");

        Api.Response fetched = api.get("/api/events/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("ETag")).hasValue("\"0\"");
        assertThat(fetched.json().get("name").asString()).isEqualTo("Berlin Blockchain Night");
        assertThat(fetched.json().get("startsAt").asString()).isEqualTo(body.get("startsAt"));
    }

    @Test
    void listAndDetailShowChangesAtOnce() {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        String list = "/api/events?organizer=" + organizer.address();
        assertThat(api.get(list).json().get("items").get(0).get("name").asString())
                .isEqualTo("Test event");
        assertThat(api.get("/api/events/" + id).json().get("name").asString()).isEqualTo("Test event");

        api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "\"0\"")
                .json(eventBody("Changed"))
                .send();
        assertThat(api.get(list).json().get("items").get(0).get("name").asString())
                .isEqualTo("Changed");
        assertThat(api.get("/api/events/" + id).json().get("name").asString()).isEqualTo("Changed");

        createEvent(organizer, eventBody("Second"));
        assertThat(api.get(list).json().get("totalItems").asLong()).isEqualTo(2);
        api.call("DELETE", "/api/events/" + id).token(organizer.token()).send();
        assertThat(api.get(list + "&status=CANCELLED").json().get("totalItems").asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/events/" + id).json().get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void anonymousReadsMayBeCachedWhileSignedInReadsAreFresh() throws InterruptedException {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        // The outbox's progress evicts the cached reads (PENDING to SUBMITTED): let it send first. The indexer does
        // not run in tests unless driven, so the status stays put from then on.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while ("PENDING"
                .equals(jdbc.sql("select chain_status from events where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())) {
            assertThat(System.nanoTime())
                    .as("the outbox sends the registration")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        String list = "/api/events?organizer=" + organizer.address();
        assertThat(api.get("/api/events/" + id).json().get("name").asString()).isEqualTo("Test event");
        assertThat(api.get(list).json().get("items").get(0).get("name").asString())
                .isEqualTo("Test event");

        // A change this instance did not make (as by another instance): only the TTL hides it.
        jdbc.sql("update events set name = 'Changed elsewhere', version = version + 1 where id = ?")
                .param(id)
                .update();

        assertThat(api.get("/api/events/" + id).json().get("name").asString()).isEqualTo("Test event");
        assertThat(api.get("/api/events/" + id, organizer.token())
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Changed elsewhere");
        assertThat(api.get(list, organizer.token())
                        .json()
                        .get("items")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("Changed elsewhere");
        assertThat(api.get("/api/events/" + id, organizer.token()).header("ETag"))
                .hasValue("\"1\"");
    }

    @Test
    void unknownEventIs404() {
        assertProblem(api.get("/api/events/987654321"), 404, "not-found");
        assertProblem(
                api.call("PUT", "/api/events/987654321")
                        .token(organizer().token())
                        .header("If-Match", "\"0\"")
                        .json(eventBody("x"))
                        .send(),
                404,
                "not-found");
    }

    @Test
    void updatesWithIfMatchAndBumpsTheVersion() {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        Map<String, Object> change = eventBody("Renamed");
        change.put("capacity", 250);

        Api.Response updated = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "\"0\"")
                .json(change)
                .send();

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.header("ETag")).hasValue("\"1\"");
        assertThat(updated.json().get("version").asLong()).isEqualTo(1);
        assertThat(api.get("/api/events/" + id)
                        .json()
                        .get("availability")
                        .get("capacity")
                        .asInt())
                .isEqualTo(250);
        assertThat(api.get("/api/events/" + id).json().get("name").asString()).isEqualTo("Renamed");
    }

    @Test
    void saleWindowDefaultsToCreationUntilStartAndIsShown() {
        Session organizer = organizer();
        Map<String, Object> body = eventBody("Default window");
        JsonNode created = createEvent(organizer, body);
        assertThat(created.get("transferLocked").asBoolean()).isFalse();
        assertThat(created.get("saleStartsAt").asString())
                .isEqualTo(created.get("createdAt").asString());
        assertThat(created.get("saleEndsAt").asString()).isEqualTo(body.get("startsAt"));

        Instant startsAt = Instant.parse((String) body.get("startsAt"));
        Map<String, Object> chosen = eventBody("Chosen window");
        chosen.put("saleStartsAt", startsAt.minus(10, ChronoUnit.DAYS).toString());
        chosen.put("saleEndsAt", chosen.get("endsAt")); // sales may run until the end
        long id = createEvent(organizer, chosen).get("id").asLong();
        JsonNode shown = api.get("/api/events/" + id).json();
        assertThat(shown.get("saleStartsAt").asString()).isEqualTo(chosen.get("saleStartsAt"));
        assertThat(shown.get("saleEndsAt").asString()).isEqualTo(chosen.get("endsAt"));
        JsonNode listed = api.get("/api/events?organizer=" + organizer.address() + "&sort=createdAt,desc")
                .json()
                .get("items")
                .get(0);
        assertThat(listed.get("saleEndsAt").asString()).isEqualTo(chosen.get("endsAt"));
    }

    @Test
    void transferLockIsFixedAfterCreation() {
        Session organizer = organizer();
        Map<String, Object> body = eventBody("Locked");
        body.put("transferLocked", true);
        long id = createEvent(organizer, body).get("id").asLong();
        assertThat(api.get("/api/events/" + id).json().get("transferLocked").asBoolean())
                .isTrue();

        body.put("transferLocked", false);
        Api.Response changed = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "\"0\"")
                .json(body)
                .send();
        assertProblem(changed, 409, "conflict");
        assertThat(changed.json().get("errors").has("transferLocked"))
                .as(changed.toString())
                .isTrue();
        assertThat(api.get("/api/events/" + id, organizer.token())
                        .json()
                        .get("version")
                        .asLong())
                .isZero();

        body.put("transferLocked", true); // repeating the value is fine
        Api.Response same = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "\"0\"")
                .json(body)
                .send();
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        body.remove("transferLocked"); // and so is leaving it out: it keeps its value
        body.put("name", "Still locked");
        Api.Response omitted = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "\"1\"")
                .json(body)
                .send();
        assertThat(omitted.status()).as(omitted.toString()).isEqualTo(200);
        assertThat(omitted.json().get("transferLocked").asBoolean()).isTrue();

        long unlocked = createEvent(organizer).get("id").asLong();
        Map<String, Object> lock = eventBody("Lock later");
        lock.put("transferLocked", true);
        assertProblem(
                api.call("PUT", "/api/events/" + unlocked)
                        .token(organizer.token())
                        .header("If-Match", "*")
                        .json(lock)
                        .send(),
                409,
                "conflict");
    }

    @Test
    void secondEditorWithTheOldETagGets412() {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        String etag = api.get("/api/events/" + id).header("ETag").orElseThrow();

        Api.Response first = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", etag)
                .json(eventBody("First editor"))
                .send();
        Api.Response second = api.call("PUT", "/api/events/" + id)
                .token(admin().token())
                .header("If-Match", etag)
                .json(eventBody("Second editor"))
                .send();

        assertThat(first.status()).isEqualTo(200);
        assertProblem(second, 412, "precondition-failed");
        assertThat(api.get("/api/events/" + id).json().get("name").asString()).isEqualTo("First editor");
    }

    @Test
    void concurrentEditsWithIfMatchStarAllApplyAndNoneGets412() throws Exception {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        int editors = 12;
        java.util.List<Integer> statuses;
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var start = new java.util.concurrent.CountDownLatch(1);
            var answers = java.util.stream.IntStream.range(0, editors)
                    .mapToObj(i -> threads.submit(() -> {
                        start.await();
                        return api.call("PUT", "/api/events/" + id)
                                .token(organizer.token())
                                .header("If-Match", "*")
                                .json(eventBody("Editor " + i))
                                .send()
                                .status();
                    }))
                    .toList();
            start.countDown();
            statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
        }
        // "*" asks for whatever the current version is: each edit applies in turn (the last one wins).
        assertThat(statuses).containsOnly(200);
        assertThat(api.get("/api/events/" + id).header("ETag").orElseThrow()).isEqualTo("\"" + editors + "\"");
    }

    @Test
    void updateWithoutIfMatchIs428() {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        Api.Response response = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .json(eventBody("x"))
                .send();
        assertProblem(response, 428, "precondition-required");
    }

    @Test
    void ifMatchStarOverridesAnyVersion() {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        Api.Response response = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "*")
                .json(eventBody("Forced"))
                .send();
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void anotherOrganizerCannotEditOrCancel() {
        long id = createEvent(organizer()).get("id").asLong();
        Session other = organizer();
        assertProblem(
                api.call("PUT", "/api/events/" + id)
                        .token(other.token())
                        .header("If-Match", "\"0\"")
                        .json(eventBody("Hijacked"))
                        .send(),
                403,
                "forbidden");
        assertProblem(
                api.call("DELETE", "/api/events/" + id).token(other.token()).send(), 403, "forbidden");
    }

    @Test
    void cancelKeepsTheEventAndBlocksFurtherChanges() {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();

        Api.Response cancelled =
                api.call("DELETE", "/api/events/" + id).token(organizer.token()).send();
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");

        Api.Response fetched = api.get("/api/events/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("status").asString()).isEqualTo("CANCELLED");
        assertProblem(
                api.call("PUT", "/api/events/" + id)
                        .token(organizer.token())
                        .header("If-Match", "*")
                        .json(eventBody("Back"))
                        .send(),
                409,
                "conflict");
        assertProblem(
                api.call("DELETE", "/api/events/" + id).token(organizer.token()).send(), 409, "conflict");
    }

    @Test
    void cancelWithStaleIfMatchIs412() {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "\"0\"")
                .json(eventBody("v1"))
                .send();
        assertProblem(
                api.call("DELETE", "/api/events/" + id)
                        .token(organizer.token())
                        .header("If-Match", "\"0\"")
                        .send(),
                412,
                "precondition-failed");
    }

    @Test
    void finishedEventCannotChange() {
        Session organizer = organizer();
        long id = insertPastEvent(organizer.address());
        assertThat(api.get("/api/events/" + id).json().get("status").asString()).isEqualTo("FINISHED");
        assertProblem(
                api.call("PUT", "/api/events/" + id)
                        .token(organizer.token())
                        .header("If-Match", "*")
                        .json(eventBody("Later"))
                        .send(),
                409,
                "conflict");
        assertProblem(
                api.call("DELETE", "/api/events/" + id).token(organizer.token()).send(), 409, "conflict");
    }

    @Test
    void adminCanEditAndCancelAnyEvent() {
        long id = createEvent(organizer()).get("id").asLong();
        assertThat(api.call("PUT", "/api/events/" + id)
                        .token(admin().token())
                        .header("If-Match", "\"0\"")
                        .json(eventBody("Moderated"))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.call("DELETE", "/api/events/" + id)
                        .token(admin().token())
                        .send()
                        .status())
                .isEqualTo(200);
    }

    private long insertPastEvent(String organizer) {
        Instant start = Instant.now().minus(10, ChronoUnit.DAYS);
        return jdbc.sql("""
                insert into events (organizer_address, name, location, starts_at, ends_at, price_wei, capacity)
                values (?, 'Past', 'Somewhere', ?, ?, 0, 10) returning id""")
                .params(
                        organizer,
                        start.atOffset(ZoneOffset.UTC),
                        start.plus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }
}
