package io.echain.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.chain.ChainProperties;
import io.echain.dev.EmbeddedPostgres;
import io.echain.dev.internal.ClusterChain;
import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import io.echain.support.BackendProcess;
import io.echain.support.EmbeddedRedis;
import io.echain.support.SiweMessages;
import io.echain.support.Wallet;
import java.math.BigInteger;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import tools.jackson.databind.JsonNode;

/**
 * Two backend processes on one PostgreSQL database and one Redis, with production configuration, against a chain
 * of their own: one runs the indexer and one the outbox, the other takes over within seconds when the leader is
 * killed with SIGKILL (no event lost or registered twice, no nonce reused or skipped, no purchase lost or counted
 * twice), rate limits hold across both, and a write on one instance evicts the other's public read cache at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIntegrationTest {

    private static final Duration START = Duration.ofSeconds(150);
    private static final int SIGN_IN_PER_IP = 20;
    /** Settings without an environment variable: the outbox's poll interval. */
    // Sign-in buckets refill over an hour, not a minute: on a loaded machine the rate-limit test's 30 requests take
    // seconds, and a minute's greedy refill (one token every 3 s) let a 21st through.
    private static final String[] ARGUMENTS = {
        "--echain.chain.poll-interval=200ms", "--echain.rate-limit.policies.sign-in.period=1h"
    };

    private String jdbcUrl;
    private String dbUser;
    private String dbPassword;
    private ClusterChain.Node chain;
    private AnvilRpc anvil;
    private BackendProcess first;
    private BackendProcess second;
    private String adminToken;

    @BeforeAll
    void startTwoInstances() throws SQLException {
        EmbeddedPostgres.Server server = EmbeddedPostgres.start(null, 0);
        String database =
                "cluster_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        jdbcUrl = server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        dbUser = server.username();
        dbPassword = server.password();
        chain = ClusterChain.start(SiweMessages.CHAIN_ID, 1);
        anvil = new AnvilRpc(new ChainProperties(
                URI.create(chain.rpcUrl()),
                chain.chainId(),
                chain.ticketNft(),
                chain.paymentProcessor(),
                chain.deploymentBlock(),
                chain.operatorKey(),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                true,
                null,
                new ChainProperties.Wallet("", "", "")));

        // The first instance starts alone, so it leads both jobs; the second joins once it does.
        first = BackendProcess.start("first", environment(), ARGUMENTS);
        first.awaitReady(START);
        await(Duration.ofSeconds(20), () -> first.leads("indexer") && first.leads("outbox"), "first leads both jobs");
        second = BackendProcess.start("second", environment(), ARGUMENTS);
        second.awaitReady(START);
        adminToken = signIn(first.api(), Wallet.ADMIN);
    }

    @AfterAll
    void stop() {
        for (BackendProcess instance : new BackendProcess[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    private Map<String, String> environment() {
        // A Redis database of its own: other tests' rate-limit buckets live in database 0 of the same server.
        Map<String, String> env = BackendProcess.productionEnvironment(
                jdbcUrl,
                dbUser,
                dbPassword,
                EmbeddedRedis.url() + "/7",
                "cluster-test-secret-shared-by-both-instances-0123456789",
                chain);
        env.put("ECHAIN_DB_POOL_SIZE", "6");
        env.put("ECHAIN_FORWARD_HEADERS", "native");
        env.put("ECHAIN_RATE_SIGN_IN_PER_IP", Integer.toString(SIGN_IN_PER_IP));
        env.put("ECHAIN_RATE_SIGN_IN_PER_USER", "1000");
        env.put("ECHAIN_RATE_WRITE_PER_IP", "100000");
        env.put("ECHAIN_RATE_WRITE_PER_USER", "100000");
        return env;
    }

    @Test
    @Order(1)
    void exactlyOneInstanceRunsTheIndexerAndOneTheOutbox() {
        for (int sample = 0; sample < 10; sample++) {
            assertThat(first.leads("indexer")).isTrue();
            assertThat(first.leads("outbox")).isTrue();
            assertThat(second.leads("indexer")).as("the second instance waits").isFalse();
            assertThat(second.leads("outbox")).as("the second instance waits").isFalse();
            sleep(200);
        }
        // Production logs are JSON lines; background work carries its job and a trace id.
        JsonNode leaderLine = first.logLines().stream()
                .filter(l -> l.contains("now runs the chain indexer"))
                .findFirst()
                .map(Api.JSON::readTree)
                .orElseThrow(() -> new AssertionError(first.logTail()));
        assertThat(leaderLine.get("job").asString()).isEqualTo("indexer");
        assertThat(leaderLine.get("traceId").asString()).matches("[0-9a-f]{16,32}");
        // Every instance reports the same shared figures, whichever one indexes.
        await(
                Duration.ofSeconds(10),
                () -> second.metric("echain_indexer_applied_block").orElse(-1) > 0,
                "the follower reports the indexer's progress from the shared cursor");
    }

    @Test
    @Order(2)
    void rateLimitsAreSharedThroughRedis() {
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < SIGN_IN_PER_IP + 10; i++) {
            BackendProcess instance = i % 2 == 0 ? first : second;
            Api.Response response = instance.api()
                    .call("POST", "/api/auth/nonce")
                    .header("X-Forwarded-For", "198.51.100.7")
                    .send();
            if (response.status() == 201) {
                allowed++;
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(429);
                assertThat(response.header("Retry-After")).isPresent();
                refused++;
            }
        }
        assertThat(allowed).as("one bucket for the IP across both instances").isEqualTo(SIGN_IN_PER_IP);
        assertThat(refused).isEqualTo(10);
        String[] labels = {"policy=\"sign_in\"", "bucket=\"ip\""};
        assertThat(first.metric("echain_rate_limit_rejections_total", labels).orElse(0)
                        + second.metric("echain_rate_limit_rejections_total", labels)
                                .orElse(0))
                .isEqualTo(10);
    }

    @Test
    @Order(3)
    void aWriteOnOneInstanceEvictsTheOtherInstancesCachedReadsAtOnce() {
        String organizer = organizer(first.api());
        long id = create(first.api(), organizer, "Cache test");
        String list = "/api/events?q=" + "cache";
        List<Long> delays = new ArrayList<>();
        for (int version = 0; version < 8; version++) {
            // The second instance caches the current detail and list page (anonymous reads).
            assertThat(second.api()
                            .get("/api/events/" + id)
                            .json()
                            .get("version")
                            .asLong())
                    .isEqualTo(version);
            assertThat(second.api().get(list).status()).isEqualTo(200);
            String name = "Cache test v" + (version + 1);
            Api.Response updated = first.api()
                    .call("PUT", "/api/events/" + id)
                    .token(organizer)
                    .header("If-Match", "\"" + version + "\"")
                    .json(body(name))
                    .send();
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            long written = System.nanoTime();
            while (!name.equals(
                    second.api().get("/api/events/" + id).json().get("name").asString())) {
                assertThat(Duration.ofNanos(System.nanoTime() - written))
                        .as("stale detail on the other instance")
                        .isLessThan(Duration.ofSeconds(2));
                sleep(5);
            }
            delays.add((System.nanoTime() - written) / 1_000_000);
            JsonNode page = second.api().get(list).json();
            assertThat(page.get("items").get(0).get("name").asString())
                    .as("the list page too")
                    .isEqualTo(name);
        }
        System.out.println("Cross-instance staleness after a write (ms): " + delays);
        assertThat(delays).allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
        assertThat(second.metric("echain_cache_invalidations_received_total").orElse(0))
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    @Order(4)
    void whenTheLeaderIsKilledTheOtherTakesOverWithNoGapNoDuplicateAndNoNonceReused() throws Exception {
        String organizer = organizer(second.api());
        List<Long> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(create((i % 2 == 0 ? first : second).api(), organizer, "Before the crash " + i));
        }
        await(Duration.ofSeconds(60), () -> registered(events), "registrations before the crash");
        List<String> purchases = new ArrayList<>();
        for (int buyer = 1; buyer <= 3; buyer++) {
            purchases.add(anvil.purchase(AnvilRpc.key(buyer), events.get(0), 1));
        }

        // Work in flight when the leader dies: new events in the outbox, purchases not yet indexed.
        for (int i = 0; i < 5; i++) {
            events.add(create(second.api(), organizer, "Around the crash " + i));
        }
        first.kill();
        long killed = System.nanoTime();
        for (int buyer = 4; buyer <= 6; buyer++) {
            purchases.add(anvil.purchase(AnvilRpc.key(buyer), events.get(1), 1));
        }
        await(Duration.ofSeconds(20), () -> second.leads("outbox") && second.leads("indexer"), "takeover");
        Duration failover = Duration.ofNanos(System.nanoTime() - killed);
        System.out.println("Leader failover after SIGKILL: " + failover.toMillis() + " ms");
        assertThat(failover).isLessThan(Duration.ofSeconds(10));

        await(Duration.ofSeconds(90), () -> registered(events), "registrations after the crash");
        purchases.forEach(
                hash -> anvil.awaitReceipt(hash, Duration.ofSeconds(30)).orElseThrow());
        long lastPurchaseBlock = purchases.stream()
                .mapToLong(h -> anvil.mined(h).getBlockNumber().longValueExact())
                .max()
                .orElseThrow();
        await(
                Duration.ofSeconds(60),
                () -> quietly("select block_number from indexer_cursor where id = 1") >= lastPurchaseBlock,
                "the indexer passes the last purchase");

        // Outbox: one registration per event, every one confirmed and on chain, nonces 0..n-1 once each, and the
        // operator sent nothing else (a double send would show as an extra transaction).
        assertThat(single("select count(*) from chain_commands where kind = 'REGISTER'"))
                .isEqualTo(single("select count(*) from events"));
        List<Long> nonces = longs("select nonce from chain_commands where nonce is not null order by nonce");
        assertThat(nonces).doesNotHaveDuplicates();
        assertThat(nonces)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, nonces.size())
                        .boxed()
                        .toList());
        BigInteger sent = anvil.web3j()
                .ethGetTransactionCount(AnvilRpc.key(0).getAddress(), DefaultBlockParameterName.LATEST)
                .send()
                .getTransactionCount();
        assertThat(sent.longValueExact()).isEqualTo(nonces.size());
        for (long event : events) {
            assertThat(anvil.isRegistered(event)).as("event %d on chain", event).isTrue();
        }
        // Indexer: each purchase once, none missing.
        assertThat(single("select count(*) from payments where payment_id is not null"))
                .isEqualTo(purchases.size());
        assertThat(single("select count(distinct tx_hash) from payments where payment_id is not null"))
                .isEqualTo(purchases.size());
        assertThat(single("select count(*) from tickets")).isEqualTo(purchases.size());
        await(
                Duration.ofSeconds(30),
                () -> second.metric("echain_tickets_sold").orElse(-1) == purchases.size(),
                "the tickets-sold gauge");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private long quietly(String sql) {
        try {
            return single(sql);
        } catch (SQLException e) {
            return -1;
        }
    }

    private boolean registered(List<Long> events) {
        try {
            return single(
                            "select count(*) from chain_commands where kind = 'REGISTER' and status = 'CONFIRMED' and event_id = any(array["
                                    + events.stream()
                                            .map(String::valueOf)
                                            .reduce((a, b) -> a + "," + b)
                                            .orElse("0") + "]::bigint[])")
                    == events.size();
        } catch (SQLException e) {
            return false;
        }
    }

    private long single(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Long> longs(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
        }
    }

    private static String signIn(Api api, Wallet wallet) {
        Api.Response nonce = api.call("POST", "/api/auth/nonce").send();
        assertThat(nonce.status()).as(nonce.toString()).isEqualTo(201);
        String message =
                SiweMessages.valid(wallet, nonce.json().get("nonce").asString()).text();
        Api.Response verified = api.call("POST", "/api/auth/verify")
                .json(Map.of("message", message, "signature", wallet.sign(message)))
                .send();
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.json().get("accessToken").asString();
    }

    private String organizer(Api api) {
        Wallet wallet = Wallet.random();
        Api.Response granted = api.call("PUT", "/api/admin/organizers/" + wallet.address())
                .token(adminToken)
                .send();
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return signIn(api, wallet);
    }

    private static long create(Api api, String organizer, String name) {
        Api.Response created = api.call("POST", "/api/events")
                .token(organizer)
                .json(body(name))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static Map<String, Object> body(String name) {
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "Two instances, one database.");
        body.put("location", "Berlin");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(4, ChronoUnit.HOURS).toString());
        body.put("priceWei", "1000000000000000");
        body.put("capacity", 100);
        return body;
    }

    private static void await(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for: " + what).isLessThan(deadline);
            sleep(50);
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
