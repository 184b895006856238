package io.echain.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import io.echain.support.DisposablePostgres;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stopped under load (a PostgreSQL of this class's own, so no other test notices): every answer comes
 * within the connection deadline and is 200 (an anonymous read from the cache, marked stale once its copy is past its
 * TTL) or 503 problem+json with Retry-After, never 500; health says so within a second; the {@code database} circuit
 * breaker opens, and while it is open requests are refused without waiting on the pool, while it probes the database
 * back; after the restart the breaker is closed, the API answers within 2 s and nothing written before is lost.
 */
@TestPropertySource(
        properties = {
            "echain.embedded-postgres.enabled=false",
            // Its own database on the shared chain: event ids would collide with the shared database's on chain.
            "echain.chain.outbox.enabled=false",
            "echain.resilience.database.connection-timeout=1s",
            "echain.events.detail-cache-ttl=1s",
            "echain.events.list-cache-ttl=500ms"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageIntegrationTest extends ApiIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);
    /** Room for a loaded 2-core machine on top of a deadline. */
    private static final Duration SLACK = Duration.ofMillis(1_000);

    private static DisposablePostgres postgres;

    @Autowired
    DataSource dataSource;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres = DisposablePostgres.start();
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /** One answer of the load, with the phase it started in. */
    record Outcome(String kind, String phase, Api.Response response, long millis) {}

    /** A state change of the breaker, with when it happened ({@link System#nanoTime()}). */
    record Transition(CircuitBreaker.StateTransition transition, long at) {}

    /**
     * What the database breaker and the pool have counted: requests the open breaker refused, and requests that
     * waited on the pool for a connection in vain (Hikari's {@code hikaricp_connections_timeout_total}).
     */
    record Attempts(long refusedByTheBreaker, double poolTimeouts) {}

    /** @param refused calls the breaker did not permit, counted since the test began (its own metrics restart per state) */
    private Attempts attempts(AtomicLong refused) {
        return new Attempts(
                refused.get(),
                meters.find("hikaricp.connections.timeout").counters().stream()
                        .mapToDouble(Counter::count)
                        .sum());
    }

    @Test
    void servesFromTheCacheOrAnswers503WithinTheDeadlineAndRecoversWithinTwoSeconds() throws Exception {
        Session organizer = organizer();
        Session buyer = attendee();
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(createEvent(organizer, eventBody("Before the outage " + i))
                    .get("id")
                    .asLong());
        }
        for (long id : written) {
            assertThat(api.get("/api/events/" + id).status()).isEqualTo(200);
        }
        assertThat(api.get("/api/events?size=50").status()).isEqualTo(200);
        assertThat(meters.find("hikaricp.connections.timeout").counters())
                .as("the pool counts the requests that wait on it in vain")
                .isNotEmpty();
        CircuitBreaker breaker = breakers.circuitBreaker("database");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        List<Transition> transitions = new CopyOnWriteArrayList<>();
        AtomicLong refused = new AtomicLong();
        breaker.getEventPublisher()
                .onStateTransition(e -> transitions.add(new Transition(e.getStateTransition(), System.nanoTime())))
                .onCallNotPermitted(e -> refused.incrementAndGet());

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> createdUnderLoad = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        String[] phase = {"before"};
        Map<String, Supplier<Api.Call>> requests = Map.of(
                "anonymous detail", () -> api.call("GET", "/api/events/" + pick(written)),
                "anonymous list", () -> api.call("GET", "/api/events?size=50"),
                "signed-in detail",
                        () -> api.call("GET", "/api/events/" + pick(written)).token(buyer.token()),
                "write",
                        () -> api.call("POST", "/api/events")
                                .token(organizer.token())
                                .json(eventBody("Under load")));
        List<Thread> threads = new ArrayList<>();
        requests.forEach((kind, request) -> threads.add(Thread.ofVirtual().start(() -> {
            while (running.get()) {
                String startedIn = phase[0];
                long start = System.nanoTime();
                Api.Response response = request.get().send();
                outcomes.add(new Outcome(kind, startedIn, response, (System.nanoTime() - start) / 1_000_000));
                if (response.status() == 201) {
                    createdUnderLoad.add(response.json().get("id").asLong());
                }
                pause(20);
            }
        })));

        pause(1_000);
        Attempts beforeTheOutage = attempts(refused);
        phase[0] = "stopping";
        postgres.down();
        phase[0] = "outage";
        long outageStarted = System.nanoTime();
        List<Outcome> health = new ArrayList<>();
        // Counted from a while after the breaker opened: requests that were already waiting on the pool then are over.
        Attempts whileOpen = null;
        while (System.nanoTime() - outageStarted < Duration.ofSeconds(5).toNanos()) {
            for (String path : List.of("/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
                long start = System.nanoTime();
                Api.Response response = api.get(path);
                health.add(new Outcome(path, "outage", response, (System.nanoTime() - start) / 1_000_000));
            }
            if (whileOpen == null
                    && transitions.stream()
                            .anyMatch(t -> t.transition() == CircuitBreaker.StateTransition.CLOSED_TO_OPEN
                                    && System.nanoTime() - t.at()
                                            > Duration.ofMillis(750).toNanos())) {
                whileOpen = attempts(refused);
            }
            pause(250);
        }
        Attempts endOfTheOutage = attempts(refused);
        List<Transition> duringTheOutage = List.copyOf(transitions);

        phase[0] = "recovery";
        long restartedAt = System.nanoTime();
        postgres.up();
        long upAt = System.nanoTime();
        long recoveredMillis = -1;
        while (System.nanoTime() - upAt < Duration.ofSeconds(10).toNanos()) {
            if (api.get("/api/events/" + written.get(0), buyer.token()).status() == 200) {
                recoveredMillis = (System.nanoTime() - upAt) / 1_000_000;
                break;
            }
            pause(50);
        }
        phase[0] = "after";
        pause(1_000);
        running.set(false);
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        List<Outcome> all = List.copyOf(outcomes);
        assertThat(all)
                .as("no answer other than 200, 201 or 503")
                .allSatisfy(o -> assertThat(o.response().status())
                        .as(o.kind() + " in phase " + o.phase() + ": " + o.response())
                        .isIn(200, 201, 503));
        assertThat(all)
                .filteredOn(o -> !o.phase().equals("before"))
                .allSatisfy(o -> assertThat(o.millis())
                        .as(o.kind() + " answered within the deadline")
                        .isLessThanOrEqualTo(DEADLINE.plus(SLACK).toMillis()));
        List<Outcome> duringOutage =
                all.stream().filter(o -> o.phase().equals("outage")).toList();
        assertThat(duringOutage).hasSizeGreaterThan(20);
        assertThat(duringOutage).allSatisfy(o -> {
            if (o.response().status() == 503) {
                assertProblem(o.response(), 503, "unavailable");
                assertThat(o.response().header("Retry-After")).as(o.kind()).isPresent();
            } else {
                assertThat(o.kind())
                        .as("only cached anonymous reads are served")
                        .startsWith("anonymous");
            }
        });
        assertThat(duringOutage)
                .as("writes and signed-in reads need the database")
                .filteredOn(o -> !o.kind().startsWith("anonymous"))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.response().status()).isEqualTo(503));
        assertThat(duringOutage)
                .as("cached anonymous reads past their TTL are served, marked stale")
                .anySatisfy(o -> {
                    assertThat(o.kind()).isEqualTo("anonymous detail");
                    assertThat(o.response().status()).isEqualTo(200);
                    assertThat(o.response().header("Cache-Status"))
                            .hasValueSatisfying(v -> assertThat(v).contains("stale-if-error"));
                    assertThat(o.response().header("Age")).isPresent();
                });

        assertThat(health)
                .allSatisfy(o -> assertThat(o.millis())
                        .as(o.kind() + " within a second")
                        .isLessThanOrEqualTo(Duration.ofSeconds(1).plus(SLACK).toMillis()));
        List<Outcome> lateHealth = health.subList(health.size() / 2, health.size());
        assertThat(lateHealth).filteredOn(o -> o.kind().equals("/health")).allSatisfy(o -> {
            assertThat(o.response().status()).isEqualTo(503);
            assertThat(o.response().json().get("failing").toString()).contains("database");
            assertThat(o.response()
                            .json()
                            .get("checks")
                            .get("database")
                            .get("status")
                            .asString())
                    .isEqualTo("DOWN");
        });
        assertThat(lateHealth)
                .filteredOn(o -> o.kind().endsWith("readiness"))
                .allSatisfy(o -> assertThat(o.response().status()).isEqualTo(503));
        assertThat(health)
                .filteredOn(o -> o.kind().endsWith("liveness"))
                .allSatisfy(o -> assertThat(o.response().status())
                        .as("liveness does not depend on the database")
                        .isEqualTo(200));

        assertThat(duringTheOutage)
                .as("the database breaker opens within the deadline of the outage's first requests")
                .first()
                .satisfies(t -> {
                    assertThat(t.transition()).isEqualTo(CircuitBreaker.StateTransition.CLOSED_TO_OPEN);
                    assertThat(Duration.ofNanos(t.at() - outageStarted)).isLessThanOrEqualTo(DEADLINE.plus(SLACK));
                });
        assertThat(duringTheOutage)
                .extracting(Transition::transition)
                .as("while the database is down the breaker probes it and opens again, never closes")
                .contains(
                        CircuitBreaker.StateTransition.OPEN_TO_HALF_OPEN,
                        CircuitBreaker.StateTransition.HALF_OPEN_TO_OPEN)
                .doesNotContain(CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED);
        assertThat(whileOpen)
                .as("the breaker was open for more than 750 ms of the outage")
                .isNotNull();
        assertThat(whileOpen.poolTimeouts())
                .as("before the breaker opened, requests waited on the pool (and the pool counts them)")
                .isGreaterThan(beforeTheOutage.poolTimeouts());
        assertThat(endOfTheOutage.refusedByTheBreaker() - whileOpen.refusedByTheBreaker())
                .as("requests kept coming while the breaker was open, refused at once")
                .isGreaterThan(20);
        assertThat(endOfTheOutage.poolTimeouts())
                .as("while the breaker is open no request waits on the pool: its probes open a connection of their own")
                .isEqualTo(whileOpen.poolTimeouts());
        assertThat(lateHealth)
                .filteredOn(o -> o.kind().equals("/health"))
                .allSatisfy(o -> assertThat(o.response()
                                .json()
                                .get("checks")
                                .get("database")
                                .get("details")
                                .get("circuitBreaker")
                                .asString())
                        .as("/health shows the breaker")
                        .isIn("OPEN", "HALF_OPEN"));
        assertThat(transitions)
                .as("the breaker closes after the restart")
                .filteredOn(t -> t.at() > restartedAt)
                .extracting(Transition::transition)
                .contains(CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        assertThat(recoveredMillis)
                .as("signed-in reads answer again within 2 s of the restart")
                .isBetween(0L, 2_000L);
        assertThat(all)
                .filteredOn(o -> o.phase().equals("after"))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.response().status())
                        .as(o.kind() + ": " + o.response())
                        .isIn(200, 201));
        List<Long> everything = new ArrayList<>(written);
        everything.addAll(createdUnderLoad);
        for (long id : everything) {
            assertThat(api.get("/api/events/" + id, organizer.token()).status())
                    .as("event " + id)
                    .isEqualTo(200);
        }
        JsonNode healthAfter = api.get("/health").json();
        assertThat(healthAfter.get("status").asString()).isEqualTo("UP");
        assertThat(healthAfter
                        .get("checks")
                        .get("database")
                        .get("details")
                        .get("circuitBreaker")
                        .asString())
                .isEqualTo("CLOSED");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void aPoolThatIsOnlyBusyWaitsUpToTheDeadlineAndDoesNotOpenTheBreaker() throws Exception {
        Session buyer = attendee();
        long id = createEvent(organizer()).get("id").asLong();
        List<java.sql.Connection> held = new ArrayList<>();
        try {
            // Take every connection the pool has left (leader locks and the cache-invalidation listener hold some).
            while (held.size() < 8) { // the test pool's size
                try {
                    held.add(dataSource.getConnection());
                } catch (java.sql.SQLException busy) {
                    break;
                }
            }
            for (int i = 0; i < 6; i++) {
                long start = System.nanoTime();
                Api.Response response = api.get("/api/events/" + id, buyer.token());
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertProblem(response, 503, "unavailable");
                assertThat(millis)
                        .as("waited for a connection up to the deadline")
                        .isBetween(
                                DEADLINE.toMillis() - 100, DEADLINE.plus(SLACK).toMillis());
            }
            assertThat(breakers.circuitBreaker("database").getState())
                    .as("a busy pool is not a database outage")
                    .isEqualTo(CircuitBreaker.State.CLOSED);
        } finally {
            for (java.sql.Connection connection : held) {
                connection.close();
            }
        }
        assertThat(api.get("/api/events/" + id, buyer.token()).status()).isEqualTo(200);
    }

    private static long pick(List<Long> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
