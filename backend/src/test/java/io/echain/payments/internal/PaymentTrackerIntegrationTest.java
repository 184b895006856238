package io.echain.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import io.echain.support.ChainTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The payment path asks the node per block, not per payment: a report of a pending transaction asks for the
 * transaction only, and the tracker reads each new block's receipts with one {@code eth_getBlockReceipts} instead of
 * one {@code eth_getTransactionReceipt} per unmined payment and pass.
 */
class PaymentTrackerIntegrationTest extends ChainTest {

    private static final String BLOCK_RECEIPTS = "eth_getBlockReceipts";
    private static final String RECEIPT = "eth_getTransactionReceipt";
    private static final String TRANSACTION = "eth_getTransactionByHash";

    @Autowired
    PaymentTracker tracker;

    @Autowired
    MeterRegistry meters;

    @Test
    void purchasesOfOneBlockAreSettledFromItsReceiptsWithOneCallPerBlock() {
        long eventId = eventOnSale(organizer(), 50);
        settleOutbox();
        settleOtherTestsPayments();
        index();
        Map<Integer, Session> sessions = new HashMap<>();
        for (int key = 1; key <= 6; key++) {
            sessions.put(key, sessionOf(key));
        }
        List<Reported> purchases = new ArrayList<>();
        long notAPurchase;
        long before;
        Map<String, Double> callsBefore;
        chain.automine(false);
        try {
            // Ten purchases from five wallets for the same block, three of them one wei short (they revert).
            for (int i = 0; i < 10; i++) {
                int key = 1 + i % 5;
                boolean wrong = i % 4 == 1;
                String tx =
                        chain.purchase(AnvilRpc.key(key), eventId, 1, wrong ? PRICE.subtract(BigInteger.ONE) : PRICE);
                Api.Response tracked = track(sessions.get(key), tx);
                assertThat(tracked.status()).as(tracked.toString()).isEqualTo(201);
                assertThat(tracked.json().get("status").asString()).isEqualTo("PENDING");
                purchases.add(new Reported(
                        tx, sessions.get(key), tracked.json().get("id").asLong(), wrong));
            }
            // And a plain transfer whose hash was reported before the node knew it: mined, but not a purchase.
            AnvilRpc.Signed transfer =
                    chain.sign(AnvilRpc.key(6), AnvilRpc.key(7).getAddress(), BigInteger.ONE, "0x");
            Api.Response early = track(sessions.get(6), transfer.hash());
            assertThat(early.status()).as(early.toString()).isEqualTo(201);
            notAPurchase = early.json().get("id").asLong();
            chain.sendRaw(transfer.raw());

            tracker.track(); // the cursor at the head, before the purchases' block
            before = chain.blockNumber();
            callsBefore = rpcCalls();

            chain.mine(1);
            tracker.track();

            long block = before + 1;
            for (Reported p : purchases) {
                JsonNode settled = payment(p.sender(), p.id());
                if (p.wrongAmount()) {
                    assertThat(settled.get("status").asString()).as(p.tx()).isEqualTo("FAILED");
                    assertThat(settled.get("failureReason").asString()).isEqualTo("reverted");
                    assertThat(settled.get("blockNumber").asLong()).isEqualTo(block);
                } else {
                    assertThat(settled.get("status").asString())
                            .as("left to the indexer")
                            .isEqualTo("PENDING");
                }
            }
            JsonNode transferred = payment(sessions.get(6), notAPurchase);
            assertThat(transferred.get("status").asString()).isEqualTo("FAILED");
            assertThat(transferred.get("failureReason").asString()).isEqualTo("not a purchase on the PaymentProcessor");

            index();
            chain.mine(2);
            tracker.track();
            tracker.track();
            index();
        } finally {
            chain.automine(true);
        }

        for (Reported p : purchases) {
            JsonNode settled = payment(p.sender(), p.id());
            assertThat(settled.get("status").asString()).as(p.tx()).isEqualTo(p.wrongAmount() ? "FAILED" : "CONFIRMED");
            assertThat(settled.get("blockNumber").asLong()).isEqualTo(before + 1);
        }
        assertThat(purchases.stream().filter(Reported::wrongAmount)).hasSize(3);
        long blocks = chain.blockNumber() - before;
        Map<String, Double> calls = rpcCalls();
        assertThat(delta(calls, callsBefore, BLOCK_RECEIPTS))
                .as("one eth_getBlockReceipts per new block at most (%d blocks, several passes)", blocks)
                .isBetween(1.0, (double) blocks);
        assertThat(delta(calls, callsBefore, RECEIPT))
                .as("no eth_getTransactionReceipt per payment and pass")
                .isZero();
        assertThat(api.get("/actuator/prometheus").body())
                .as("counted like every other node call")
                .containsPattern("echain_chain_rpc_calls_total\\{[^}]*method=\"eth_getBlockReceipts\"");
    }

    @Test
    void reportOfAPendingTransactionAsksForNoReceiptAndAMinedRevertIsFailedAtOnce() {
        long eventId = eventOnSale(organizer(), 10);
        settleOutbox();
        settleOtherTestsPayments();
        index();
        Session buyer = sessionOf(2);
        Session underpaying = sessionOf(3);
        long pendingId;
        chain.automine(false);
        try {
            String tx = chain.purchase(AnvilRpc.key(2), eventId, 1, PRICE);
            tracker.track(); // nothing unmined: the cursor follows the indexer's head, no node call
            Map<String, Double> before = rpcCalls();

            Api.Response tracked = track(buyer, tx);

            Map<String, Double> after = rpcCalls();
            assertThat(tracked.status()).as(tracked.toString()).isEqualTo(201);
            assertThat(tracked.json().get("status").asString()).isEqualTo("PENDING");
            pendingId = tracked.json().get("id").asLong();
            assertThat(delta(after, before, TRANSACTION)).isEqualTo(1.0);
            assertThat(delta(after, before, RECEIPT))
                    .as("a pending transaction has no receipt to ask for")
                    .isZero();
            chain.mine(1);
        } finally {
            chain.automine(true);
        }

        String reverted = chain.purchase(AnvilRpc.key(3), eventId, 1, BigInteger.ONE);
        assertThat(chain.mined(reverted).isStatusOK()).isFalse();
        Map<String, Double> before = rpcCalls();
        Api.Response failed = track(underpaying, reverted);
        Map<String, Double> after = rpcCalls();

        assertThat(failed.status()).as(failed.toString()).isEqualTo(201);
        assertThat(failed.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.json().get("failureReason").asString()).isEqualTo("reverted");
        assertThat(delta(after, before, RECEIPT))
                .as("mined: its receipt is asked for once")
                .isEqualTo(1.0);
        chain.mine(2);
        index();
        assertThat(payment(buyer, pendingId).get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void passWithoutUnminedPaymentsAsksTheNodeNothing() {
        settleOutbox();
        settleOtherTestsPayments();
        chain.mine(3);
        index();
        long head = indexer.appliedThrough();
        Map<String, Double> before = rpcCalls();

        tracker.track();
        tracker.track();

        Map<String, Double> after = rpcCalls();
        assertThat(delta(after, before, "eth_blockNumber")).isZero();
        assertThat(delta(after, before, BLOCK_RECEIPTS)).isZero();
        assertThat(delta(after, before, RECEIPT)).isZero();
        assertThat(tracker.cursor())
                .as("follows the head the indexer committed, a few blocks below it")
                .isBetween(head - 5, chain.blockNumber());
    }

    /**
     * Waits until the outbox has no command in flight, mined ones included: it asks for their receipts until they are
     * confirmed, and those calls would count in the measured windows.
     */
    private void settleOutbox() {
        awaitOutboxIdle();
        chain.mine(3);
        await(
                "outbox commands confirmed",
                () -> jdbc.sql("select count(*) from chain_commands where status in ('PENDING', 'SENT', 'MINED')")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /**
     * Fails what other test classes left unmined in the shared database (a reorg's dropped purchase, unknown hashes):
     * their timeout would otherwise fall into a measured window and cost a receipt call of its own.
     */
    private void settleOtherTestsPayments() {
        jdbc.sql("""
                update payments set status = 'FAILED', failure_reason = 'left by an earlier test', updated_at = now()
                where status = 'PENDING' and block_number is null""").update();
    }

    /** A purchase sent and reported by {@code sender}; {@code id} is the payment's. */
    private record Reported(String tx, Session sender, long id, boolean wrongAmount) {}

    /** Node calls by JSON-RPC method so far (echain.chain.rpc.calls). */
    private Map<String, Double> rpcCalls() {
        Map<String, Double> calls = new HashMap<>();
        meters.find("echain.chain.rpc.calls")
                .counters()
                .forEach(counter -> calls.merge(counter.getId().getTag("method"), counter.count(), Double::sum));
        return calls;
    }

    private static double delta(Map<String, Double> after, Map<String, Double> before, String method) {
        return after.getOrDefault(method, 0.0) - before.getOrDefault(method, 0.0);
    }
}
