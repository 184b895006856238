package io.echain.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.chain.indexer.ChainIndexer;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.crypto.Credentials;
import tools.jackson.databind.JsonNode;

/**
 * Base of the chain tests: the application over the embedded PostgreSQL and the local Anvil, with the
 * indexer driven explicitly ({@link #index()}) so every step is deterministic.
 */
public abstract class ChainTest extends ApiIntegrationTest {

    public static final BigInteger PRICE = new BigInteger("10000000000000000");

    @Autowired
    protected ChainIndexer indexer;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected io.echain.chain.ChainProperties chainProperties;

    protected AnvilRpc chain;

    @BeforeEach
    void setUpChain() {
        chain = new AnvilRpc(chainProperties);
        chain.catchUpWithWallClock();
        awaitOutboxIdle();
        index();
    }

    @AfterEach
    void closeChain() {
        chain.close();
    }

    /** Applies everything the node has (waiting briefly if another test context holds the indexer lock). */
    protected void index() {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (indexer.pollNow()) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("another instance kept the indexer lock");
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A signed-in session for Anvil account {@code index}. */
    protected Session sessionOf(int index) {
        return signIn(Wallet.of(AnvilRpc.KEYS.get(index).substring(2)));
    }

    /** Anvil account {@code index} as a signed-in organizer (it has ETH to withdraw with). */
    protected Session organizerOf(int index) {
        Wallet wallet = Wallet.of(AnvilRpc.KEYS.get(index).substring(2));
        Api.Response granted = api.call("PUT", "/api/admin/organizers/" + wallet.address())
                .token(admin().token())
                .send();
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return signIn(wallet);
    }

    /** An organizer's event, published in the API and registered on chain by the outbox; on sale until it starts. */
    public long eventOnSale(Session organizer, int capacity) {
        Map<String, Object> body = eventBody("Chain event");
        body.put("capacity", capacity);
        body.put("priceWei", PRICE.toString());
        return eventOnSale(organizer, body);
    }

    public long eventOnSale(Session organizer, Map<String, Object> body) {
        long id = createEvent(organizer, body).get("id").asLong();
        await("event " + id + " registered on chain", () -> chain.isRegistered(id));
        return id;
    }

    /** An event on sale from {@code start} to {@code end} (chain time). */
    public record ShortEvent(long id, Instant start, Instant end) {}

    /**
     * A short event on sale: it starts two minutes after the later of the wall clock and the chain's clock (earlier
     * tests mine many blocks and move the chain ahead) and ends 30 seconds later.
     */
    protected ShortEvent shortEventOnSale(Session organizer, String name) {
        Map<String, Object> body = eventBody(name);
        body.put("priceWei", PRICE.toString());
        Instant start = Instant.ofEpochSecond(
                Math.max(Instant.now().getEpochSecond(), chain.latestBlockTime().getEpochSecond()) + 120);
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusSeconds(30).toString());
        return new ShortEvent(eventOnSale(organizer, body), start, start.plusSeconds(30));
    }

    /** Moves the chain's clock a second past the event's end and mines a block there. */
    protected void passTheEnd(ShortEvent event) {
        chain.increaseTime(java.time.Duration.ofSeconds(Math.max(
                1,
                event.end().plusSeconds(1).getEpochSecond()
                        - chain.latestBlockTime().getEpochSecond())));
        chain.mine(1);
    }

    /** Cancels through the API; the outbox cancels on chain. */
    protected void cancel(Session organizer, long eventId) {
        Api.Response response = api.call("DELETE", "/api/events/" + eventId)
                .token(organizer.token())
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        await("event " + eventId + " cancelled on chain", () -> chain.isCancelled(eventId));
    }

    /** Waits until the outbox has nothing in flight (earlier tests' events may still be on their way). */
    protected void awaitOutboxIdle() {
        await(
                "outbox idle",
                () -> jdbc.sql("select count(*) from chain_commands where status in ('PENDING', 'SENT')")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    protected static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            sleep(50);
        }
    }

    protected String buy(Credentials buyer, long eventId, int quantity) {
        String hash = chain.purchase(buyer, eventId, quantity, PRICE.multiply(BigInteger.valueOf(quantity)));
        var receipt = chain.mined(hash);
        assertThat(receipt.isStatusOK())
                .as(
                        "purchase of %d tickets of event %d mined in block %s at chain time %d: %s",
                        quantity,
                        eventId,
                        receipt.getBlockNumber(),
                        chain.latestBlockTime().getEpochSecond(),
                        receipt.getRevertReason())
                .isTrue();
        return hash;
    }

    protected JsonNode payment(Session session, long id) {
        Api.Response response = api.get("/api/payments/" + id, session.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    protected Api.Response track(Session session, String txHash) {
        return api.call("POST", "/api/payments")
                .token(session.token())
                .json(Map.of("txHash", txHash))
                .send();
    }

    protected static Instant soon() {
        return Instant.now().plus(1, ChronoUnit.DAYS);
    }
}
