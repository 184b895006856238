package io.echain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.chain.indexer.ChainIndexer;
import io.echain.chain.indexer.TcpProxy;
import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import io.echain.support.DisposablePostgres;
import io.echain.support.Wallet;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The node goes away and comes back, cut by a TCP proxy between the backend and the test JVM's Anvil: the backend
 * starts without it and turns its chain features on by itself when it appears; while it is gone, reads serve,
 * purchase endpoints answer 503 within the deadline, events say purchases are paused and health says which check
 * failed, the {@code node} circuit breaker opens and the node is only probed, not called per request or per poll;
 * afterwards the breaker closes and the indexer catches up. A PostgreSQL of this class's own (with its own outbox and scheduled
 * indexer, event ids far above the shared database's) keeps the other tests' chain state apart.
 */
@TestPropertySource(
        properties = {
            "echain.embedded-postgres.enabled=false",
            "echain.chain.indexer.enabled=true",
            "echain.chain.indexer.poll-interval=200ms",
            "echain.resilience.node.probe-interval=200ms",
            "echain.chain.rpc-timeout=1s"
        })
@ContextConfiguration(initializers = NodeOutageIntegrationTest.ProxiedNode.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeOutageIntegrationTest extends ApiIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final Duration SLACK = Duration.ofMillis(1_000);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    /** The breaker's {@code echain.resilience.node.breaker.open-for}: how often an open breaker lets a probe through. */
    private static final Duration OPEN_FOR = Duration.ofSeconds(1);

    private static final BigInteger PRICE = new BigInteger("10000000000000000");

    private static DisposablePostgres postgres;
    private static boolean idsMoved;
    private static long eventId;

    /** Points the backend at a proxy to the local Anvil, down at start. */
    static class ProxiedNode implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        static TcpProxy proxy;
        static String direct;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            direct = context.getEnvironment().getProperty("echain.chain.rpc-url");
            proxy = new TcpProxy(URI.create(direct).getPort());
            proxy.down();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("proxiedNode", Map.of("echain.chain.rpc-url", proxy.url())));
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres = DisposablePostgres.start();
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChainProperties properties;

    @Autowired
    ChainIndexer indexer;

    private AnvilRpc chain;

    @BeforeEach
    void directChain() {
        if (!idsMoved) {
            // Contract event ids are backend ids: stay clear of the shared database's on the shared chain.
            jdbc.sql("alter table events alter column id restart with 9000000").update();
            idsMoved = true;
        }
        Map<String, Object> direct = Map.of(
                "echain.chain.rpc-url",
                ProxiedNode.direct,
                "echain.chain.chain-id",
                properties.chainId(),
                "echain.chain.ticket-nft",
                properties.ticketNft(),
                "echain.chain.payment-processor",
                properties.paymentProcessor());
        chain = new AnvilRpc(new Binder(new MapConfigurationPropertySource(direct))
                .bind("echain.chain", ChainProperties.class)
                .get());
    }

    @AfterEach
    void closeChain() {
        chain.close();
    }

    @Test
    @Order(1)
    void startsWithoutTheNodeAndTurnsTheChainFeaturesOnWhenItAppears() {
        assertThat(api.get("/api/events").status()).isEqualTo(200);
        JsonNode health = api.get("/health").json();
        assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(health.get("failing").toString()).contains("chain");
        Api.Response readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).as("degraded, not down: reads serve").isEqualTo(200);
        assertThat(readiness
                        .json()
                        .get("components")
                        .get("chain")
                        .get("details")
                        .get("state")
                        .asString())
                .isEqualTo("UNVERIFIED");

        Session organizer = organizer();
        JsonNode event = createEvent(organizer, eventBody("Published while the node is away"));
        eventId = event.get("id").asLong();
        assertThat(eventId).isGreaterThanOrEqualTo(9_000_000L);
        assertThat(event.get("purchases").get("paused").asBoolean()).isTrue();
        assertThat(event.get("purchases").get("reason").asString()).contains("paused");
        assertUnavailableFast(() -> api.get("/api/events/" + eventId + "/quote"));

        ProxiedNode.proxy.up();
        await(
                "the chain features on",
                () -> chainCheck().get("status").asString().equals("UP"));
        chain.catchUpWithWallClock();
        await("the event registered on chain by the outbox", () -> chain.isRegistered(eventId));
        await(
                "purchases open",
                () -> !api.get("/api/events/" + eventId, organizer.token())
                        .json()
                        .get("purchases")
                        .get("paused")
                        .asBoolean());
        assertThat(api.get("/api/events/" + eventId + "/quote").status()).isEqualTo(200);
        assertThat(api.get("/api/chain").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void nodeOutageKeepsReadsServingPausesPurchasesAndTheIndexerCatchesUpAfterwards() {
        Session buyer = signIn(Wallet.of(AnvilRpc.KEYS.get(3).substring(2)));
        chain.catchUpWithWallClock();
        chain.mined(chain.purchase(AnvilRpc.key(3), eventId, 1, PRICE));
        await("the purchase indexed", () -> sold(buyer) == 1);

        // The indexer stuck while the node is fine: the lag is measured against the node's real head.
        indexer.stop();
        chain.mine(5);
        await("lag of at least 5 blocks", () -> metric("echain_indexer_lag_blocks") >= 5);
        indexer.start();
        await("lag back to 0", () -> metric("echain_indexer_lag_blocks") == 0);

        assertThat(chainCheck().get("details").get("circuitBreaker").asString()).isEqualTo("CLOSED");
        ProxiedNode.proxy.down();
        long cut = System.nanoTime();
        await(
                "health reports the chain",
                () -> chainCheck().get("status").asString().equals("DEGRADED"),
                10);
        assertThat(Duration.ofNanos(System.nanoTime() - cut))
                .as("seen within one probe (every " + PROBE_INTERVAL.toMillis() + " ms), with room for a loaded host")
                .isLessThan(PROBE_INTERVAL.plus(Duration.ofMillis(800)));
        for (String path : java.util.List.of("/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            long start = System.nanoTime();
            Api.Response response = api.get(path);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(Duration.ofSeconds(1));
            assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        }
        JsonNode health = api.get("/health").json();
        assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(health.get("failing").toString()).isEqualTo("[\"chain\"]");
        assertThat(health.get("checks").get("chain").get("error").asString()).contains("unreachable");
        assertThat(health.get("checks").get("database").get("status").asString())
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").json().get("status").asString())
                .isEqualTo("UP");

        assertThat(api.get("/api/events").status()).isEqualTo(200);
        assertThat(api.get("/api/me/tickets", buyer.token()).status()).isEqualTo(200);
        await(
                "the event says purchases are paused",
                () -> api.get("/api/events/" + eventId)
                        .json()
                        .get("purchases")
                        .get("paused")
                        .asBoolean());
        assertUnavailableFast(() -> api.get("/api/events/" + eventId + "/quote"));
        assertUnavailableFast(() -> api.get("/api/chain"));
        assertUnavailableFast(() -> api.call("POST", "/api/payments")
                .token(buyer.token())
                .json(Map.of("txHash", "0x" + "ab".repeat(32)))
                .send());

        // The node breaker opens after a few failed calls; from then on only its probes reach the node.
        await(
                "the node breaker open",
                () -> "OPEN"
                        .equals(chainCheck()
                                .get("details")
                                .get("circuitBreaker")
                                .asString()));
        await(
                "the breaker's state metric says open",
                () -> metric("resilience4j_circuitbreaker_state{name=\"node\",state=\"open\"}") == 1.0);
        double nodeRequests = metric("echain_chain_rpc_requests_total");
        long watched = System.nanoTime();
        int refused = 0;
        while (System.nanoTime() - watched < Duration.ofSeconds(3).toNanos()) {
            for (Supplier<Api.Response> request : java.util.List.<Supplier<Api.Response>>of(
                    () -> api.get("/api/events/" + eventId + "/quote"),
                    () -> api.get("/api/chain"),
                    () -> api.call("POST", "/api/payments")
                            .token(buyer.token())
                            .json(Map.of("txHash", "0x" + "cd".repeat(32)))
                            .send())) {
                if (request.get().status() == 503) {
                    refused++;
                }
            }
            sleep(50);
        }
        Duration window = Duration.ofNanos(System.nanoTime() - watched);
        double reachedTheNode = metric("echain_chain_rpc_requests_total") - nodeRequests;
        long probes = window.toMillis() / OPEN_FOR.toMillis() + 1;
        assertThat(refused).as("requests that need the node kept coming").isGreaterThan(20);
        assertThat(reachedTheNode)
                .as("in " + window.toMillis() + " ms with the breaker open, HTTP requests to the node: one probe per "
                        + OPEN_FOR.toMillis() + " ms at most, not one per request (" + refused + ") nor per "
                        + PROBE_INTERVAL.toMillis() + " ms poll (" + window.toMillis() / PROBE_INTERVAL.toMillis()
                        + ")")
                .isLessThanOrEqualTo(probes);
        assertThat(chainCheck().get("details").get("circuitBreaker").asString())
                .as("still open (or probing) while the node is away")
                .isIn("OPEN", "HALF_OPEN");

        double age = metric("echain_indexer_lag_seconds");
        chain.mined(chain.purchase(AnvilRpc.key(3), eventId, 2, PRICE.multiply(BigInteger.TWO)));
        chain.mine(3);
        sleep(1_500);
        assertThat(metric("echain_indexer_lag_seconds"))
                .as("seconds since the last applied block grow")
                .isGreaterThan(age);
        assertThat(sold(buyer)).as("reads serve the last indexed state").isEqualTo(1);

        ProxiedNode.proxy.up();
        await(
                "the chain check up again",
                () -> chainCheck().get("status").asString().equals("UP"));
        assertThat(chainCheck().get("details").get("circuitBreaker").asString())
                .as("the breaker closed after a probe got through")
                .isEqualTo("CLOSED");
        assertThat(metric("resilience4j_circuitbreaker_state{name=\"node\",state=\"closed\"}"))
                .isEqualTo(1.0);
        await("the indexer caught up", () -> sold(buyer) == 3);
        await("no lag", () -> metric("echain_indexer_lag_blocks") == 0);
        assertThat(api.get("/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/api/events/" + eventId + "/quote").status()).isEqualTo(200);
        await(
                "purchases open again",
                () -> !api.get("/api/events/" + eventId)
                        .json()
                        .get("purchases")
                        .get("paused")
                        .asBoolean());
    }

    private JsonNode chainCheck() {
        return api.get("/actuator/health/readiness").json().get("components").get("chain");
    }

    private int sold(Session session) {
        return api.get("/api/events/" + eventId, session.token())
                .json()
                .get("availability")
                .get("sold")
                .asInt();
    }

    private double metric(String name) {
        for (String line : api.get("/actuator/prometheus").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name);
    }

    private static void assertUnavailableFast(Supplier<Api.Response> request) {
        long start = System.nanoTime();
        Api.Response response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("within the deadline: " + response)
                .isLessThanOrEqualTo(DEADLINE.plus(SLACK));
        assertProblem(response, 503, "unavailable");
        assertThat(response.header("Retry-After")).isPresent();
    }

    private static void await(String what, BooleanSupplier condition) {
        await(what, condition, 100);
    }

    private static void await(String what, BooleanSupplier condition, long pollMillis) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            sleep(pollMillis);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
