package io.echain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.ChainTest;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.protocol.core.DefaultBlockParameterName;
import tools.jackson.databind.JsonNode;

/**
 * Events reach the chain through the outbox: real transactions on the test JVM's Anvil, signed with the operator
 * key, tracked until their block has {@code echain.chain.confirmations} (3) confirmations: its own and two on top.
 */
class EventsOnChainIntegrationTest extends ChainTest {

    @Autowired
    ChainProperties properties;

    @Test
    void registersAPublishedEventAndConfirmsItWhenItsBlockHasThreeConfirmations() {
        Session organizer = organizer();
        Map<String, Object> body = eventBody("On chain");
        JsonNode created = createEvent(organizer, body);
        long id = created.get("id").asLong();
        assertThat(created.get("chain").get("eventId").asString()).isEqualTo(Long.toString(id));
        assertThat(created.get("chain").get("status").asString()).isEqualTo("PENDING");

        await("registration mined", () -> "MINED".equals(commandStatus(id)));
        var onChain = chain.event(id);
        assertThat(onChain.organizer).isEqualToIgnoringCase(organizer.address());
        assertThat(onChain.price).isEqualTo(new BigInteger((String) body.get("priceWei")));
        assertThat(onChain.capacity).isEqualTo(BigInteger.valueOf(100));
        assertThat(onChain.saleEnd.longValueExact())
                .isEqualTo(Instant.parse((String) body.get("startsAt")).getEpochSecond());
        assertThat(onChain.eventEnd.longValueExact())
                .isEqualTo(Instant.parse((String) body.get("endsAt")).getEpochSecond());
        assertThat(onChain.saleStart.longValueExact()).isLessThan(onChain.saleEnd.longValueExact());

        index();
        assertThat(chainStatus(id)).as("one confirmation: its own block").isEqualTo("MINED");
        chain.mine(1);
        pause(Duration.ofMillis(800)); // several tracker rounds: two confirmations are not enough
        assertThat(commandStatus(id)).isEqualTo("MINED");
        index();
        assertThat(chainStatus(id)).isEqualTo("MINED");
        chain.mine(1);
        await("registration confirmed", () -> "CONFIRMED".equals(commandStatus(id)));
        index();
        assertThat(chainStatus(id))
                .as("the event module projects it from the indexed log")
                .isEqualTo("CONFIRMED");
        JsonNode shown = api.get("/api/events/" + id, organizer.token()).json().get("chain");
        assertThat(shown.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(shown.get("eventId").asString()).isEqualTo(Long.toString(id));
    }

    @Test
    void updatesAndCancellationReachTheChain() {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        await("registered", () -> chain.isRegistered(id));

        Map<String, Object> change = eventBody("Changed on chain");
        change.put("priceWei", "20000000000000000");
        change.put("capacity", 40);
        Instant newStart = Instant.parse((String) change.get("startsAt")).minus(Duration.ofDays(1));
        change.put("startsAt", newStart.toString());
        var updated = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "*")
                .json(change)
                .send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        await("update on chain", () -> chain.event(id).price.equals(new BigInteger("20000000000000000")));
        assertThat(chain.event(id).capacity).isEqualTo(BigInteger.valueOf(40));
        assertThat(chain.event(id).saleEnd.longValueExact()).isEqualTo(newStart.getEpochSecond());

        var cancelled =
                api.call("DELETE", "/api/events/" + id).token(organizer.token()).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        await("cancellation on chain", () -> chain.event(id).cancelled);
        chain.mine(3);
        await("all changes confirmed", () -> commands(id).stream().allMatch(s -> s.equals("CONFIRMED")));
        assertThat(commands(id)).hasSize(3);
    }

    @Test
    void registersTheOrganizersTransferLockAndSaleWindow() {
        Session organizer = organizer();
        Map<String, Object> body = eventBody("Locked, own sale window");
        Instant startsAt = Instant.parse((String) body.get("startsAt"));
        Instant saleStart = startsAt.minus(Duration.ofDays(7));
        Instant saleEnd = startsAt.plus(Duration.ofHours(1)); // sales may go on after the doors open, until endsAt
        body.put("saleStartsAt", saleStart.toString());
        body.put("saleEndsAt", saleEnd.toString());
        body.put("transferLocked", true);
        JsonNode created = createEvent(organizer, body);
        long id = created.get("id").asLong();
        assertThat(created.get("transferLocked").asBoolean()).isTrue();
        assertThat(created.get("saleStartsAt").asString()).isEqualTo(saleStart.toString());
        assertThat(created.get("saleEndsAt").asString()).isEqualTo(saleEnd.toString());

        await("registered", () -> chain.isRegistered(id));
        var onChain = chain.event(id);
        assertThat(onChain.transferLocked).isTrue();
        assertThat(onChain.saleStart.longValueExact()).isEqualTo(saleStart.getEpochSecond());
        assertThat(onChain.saleEnd.longValueExact()).isEqualTo(saleEnd.getEpochSecond());
        assertThat(onChain.eventEnd.longValueExact())
                .isEqualTo(Instant.parse((String) body.get("endsAt")).getEpochSecond());

        // Without the choices: unlocked, sales from creation until the start (as before).
        JsonNode plain = createEvent(organizer, eventBody("Defaults"));
        long plainId = plain.get("id").asLong();
        assertThat(plain.get("transferLocked").asBoolean()).isFalse();
        await("default registered", () -> chain.isRegistered(plainId));
        assertThat(chain.event(plainId).transferLocked).isFalse();
        assertThat(chain.event(plainId).saleStart.longValueExact())
                .isEqualTo(Instant.parse(plain.get("createdAt").asString()).getEpochSecond());
    }

    @Test
    void saleWindowChangesReachTheChain() {
        Session organizer = organizer();
        Map<String, Object> body = eventBody("Window moves");
        long id = createEvent(organizer, body).get("id").asLong();
        Instant startsAt = Instant.parse((String) body.get("startsAt"));
        await("registered", () -> chain.isRegistered(id));
        assertThat(chain.event(id).saleEnd.longValueExact()).isEqualTo(startsAt.getEpochSecond());

        Instant saleStart = startsAt.minus(Duration.ofDays(2));
        Instant saleEnd = startsAt.minus(Duration.ofDays(1));
        body.put("saleStartsAt", saleStart.toString());
        body.put("saleEndsAt", saleEnd.toString());
        var updated = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "*")
                .json(body)
                .send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("saleStartsAt").asString()).isEqualTo(saleStart.toString());
        await("sale window on chain", () -> chain.event(id).saleEnd.longValueExact() == saleEnd.getEpochSecond());
        assertThat(chain.event(id).saleStart.longValueExact()).isEqualTo(saleStart.getEpochSecond());
        assertThat(chain.event(id).transferLocked).isFalse();

        // A replacement without the window goes back to the defaults: sales close at the (moved) start.
        body.remove("saleStartsAt");
        body.remove("saleEndsAt");
        Instant newStart = startsAt.plus(Duration.ofHours(1));
        body.put("startsAt", newStart.toString());
        var reset = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "*")
                .json(body)
                .send();
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().get("saleEndsAt").asString()).isEqualTo(newStart.toString());
        assertThat(reset.json().get("saleStartsAt").asString())
                .isEqualTo(reset.json().get("createdAt").asString());
        await("default window on chain", () -> chain.event(id).saleEnd.longValueExact() == newStart.getEpochSecond());
        assertThat(chain.event(id).saleStart.longValueExact())
                .isEqualTo(
                        Instant.parse(reset.json().get("createdAt").asString()).getEpochSecond());
    }

    @Test
    void registersTwentyConcurrentPublicationsWithConsecutiveNonces() throws Exception {
        Session organizer = organizer();
        String operator = AnvilRpc.key(AnvilRpc.OPERATOR).getAddress();
        long nonceBefore = operatorNonce(operator);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Long>> created = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Map<String, Object> body = eventBody("Concurrent " + i);
                Callable<Long> create =
                        () -> createEvent(organizer, body).get("id").asLong();
                created.add(pool.submit(create));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> id : created) {
                ids.add(id.get());
            }
            await("20 registrations mined", () -> ids.stream().allMatch(id -> chain.isRegistered(id)));
            await(
                    "outbox idle",
                    () -> ids.stream()
                            .allMatch(
                                    id -> "MINED".equals(commandStatus(id)) || "CONFIRMED".equals(commandStatus(id))));

            List<Long> nonces = jdbc.sql("select nonce from chain_commands where event_id = any(?) order by nonce")
                    .param(ids.toArray(Long[]::new))
                    .query(Long.class)
                    .list();
            assertThat(nonces).hasSize(20).doesNotHaveDuplicates();
            assertThat(nonces.getLast() - nonces.getFirst()).isEqualTo(19);
            assertThat(nonces.getFirst()).isEqualTo(nonceBefore);
            assertThat(operatorNonce(operator)).isEqualTo(nonceBefore + 20);
            assertThat(jdbc.sql("select count(*) from chain_commands where event_id = any(?) and error is not null")
                            .param(ids.toArray(Long[]::new))
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void neverRegistersAnEventTwice() {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        await("registered", () -> "MINED".equals(commandStatus(id)) || "CONFIRMED".equals(commandStatus(id)));
        String operator = AnvilRpc.key(AnvilRpc.OPERATOR).getAddress();
        long nonce = operatorNonce(operator);

        // A second intent for the same event, as a replay after a crash would leave it.
        jdbc.sql("insert into chain_commands (event_id, kind) values (?, 'REGISTER')")
                .param(id)
                .update();
        await(
                "duplicate settled",
                () -> jdbc.sql("""
                select status from chain_commands where event_id = ? order by id desc limit 1""").param(id).query(String.class).single().equals("CONFIRMED"));
        assertThat(jdbc.sql("select error from chain_commands where event_id = ? order by id desc limit 1")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("already registered on chain");
        assertThat(operatorNonce(operator)).isEqualTo(nonce);
    }

    @Test
    void rebroadcastsAStoredTransactionTheNodeNeverGot() throws Exception {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        await("registered", () -> "MINED".equals(commandStatus(id)) || "CONFIRMED".equals(commandStatus(id)));
        awaitOutboxIdle();

        // What a crash between storing and broadcasting leaves behind: a signed cancellation, SENT, unknown to the
        // node.
        var operator = AnvilRpc.key(AnvilRpc.OPERATOR);
        long nonce = operatorNonce(operator.getAddress());
        String data = chain.paymentProcessor(operator)
                .cancelEvent(BigInteger.valueOf(id))
                .encodeFunctionCall();
        var tx = org.web3j.crypto.RawTransaction.createTransaction(
                properties.chainId(),
                BigInteger.valueOf(nonce),
                BigInteger.valueOf(500_000),
                properties.paymentProcessor(),
                BigInteger.ZERO,
                data,
                BigInteger.valueOf(1_000_000_000L),
                BigInteger.valueOf(100_000_000_000L));
        String raw = org.web3j.utils.Numeric.toHexString(
                org.web3j.crypto.TransactionEncoder.signMessage(tx, properties.chainId(), operator));
        String hash = org.web3j.crypto.Hash.sha3(raw);
        jdbc.sql("""
                insert into chain_commands (event_id, kind, status, attempts, sender, nonce, tx_hash, raw_tx, sent_at)
                values (?, 'CANCEL', 'SENT', 1, ?, ?, ?, ?, now())""").params(id, operator.getAddress(), nonce, hash, raw).update();

        await("re-broadcast and mined", () -> chain.receipt(hash).isPresent());
        assertThat(chain.event(id).cancelled).isTrue();
        chain.mine(3);
        await("cancellation confirmed", () -> commands(id).getLast().equals("CONFIRMED"));

        // The worker's counter had handed out that nonce too; it recovers without a gap or a reuse.
        long next = createEvent(organizer).get("id").asLong();
        await("next event registered", () -> chain.isRegistered(next));
        assertThat(jdbc.sql("select nonce from chain_commands where event_id = ?")
                        .param(next)
                        .query(Long.class)
                        .single())
                .isEqualTo(nonce + 1);
    }

    @Test
    void anOrganizerWhoCancelsStraightOnChainCancelsTheEventInTheApi() {
        // The contract lets the organizer cancel without the platform: buyers must see it (and claim refunds)
        // although the API never received a DELETE.
        Session organizer = organizerOf(6);
        long id = eventOnSale(organizer, 10);
        awaitOutboxIdle();
        assertThat(api.get("/api/events/" + id).json().get("status").asString()).isEqualTo("SCHEDULED");

        String hash = chain.cancelEvent(AnvilRpc.key(6), id);
        await("cancelled on chain", () -> chain.receipt(hash).isPresent());
        index();

        JsonNode anonymous = api.get("/api/events/" + id).json();
        assertThat(anonymous.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.get("/api/events/" + id, organizer.token())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CANCELLED");
        assertThat(commands(id)).as("nothing more to send: the chain has it").hasSize(1);
    }

    @Test
    void aReceiptTheNodeDoesNotAnswerIsNoReorgWhileTheBlockIsStillThere() {
        // A node may answer "no receipt" for a mined transaction: a replica behind a load balancer, a node under
        // load. While the block that held it is still on the chain that is no reorg, and what the chain shows of the
        // event must not go back to SUBMITTED (the restore drill saw a cancelled event stuck there).
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        await("registration mined", () -> "MINED".equals(commandStatus(id)));
        chain.mine(3);
        await("registration confirmed", () -> "CONFIRMED".equals(commandStatus(id)));
        index();
        assertThat(chainStatus(id)).isEqualTo("CONFIRMED");
        awaitOutboxIdle();

        // The event's latest change as the tracker knows it: mined in the registration's block, but the node has no
        // receipt of its transaction.
        Map<String, Object> block = jdbc.sql(
                        "select block_number, block_hash from chain_commands where event_id = ? and kind = 'REGISTER'")
                .param(id)
                .query()
                .singleRow();
        String unanswered = "0x" + "ab".repeat(32);
        long command = jdbc.sql("""
                        insert into chain_commands (event_id, kind, status, attempts, sender, nonce, tx_hash, sent_at,
                            block_number, block_hash)
                        values (?, 'UPDATE', 'MINED', 1, ?, null, ?, now(), ?, ?) returning id""")
                .params(
                        id,
                        AnvilRpc.key(AnvilRpc.OPERATOR).getAddress(),
                        unanswered,
                        block.get("block_number"),
                        block.get("block_hash"))
                .query(Long.class)
                .single();
        try {
            pause(Duration.ofMillis(1_500)); // several tracker rounds
            assertThat(jdbc.sql("select status from chain_commands where id = ?")
                            .param(command)
                            .query(String.class)
                            .single())
                    .as("the block is unchanged: the transaction did not leave the chain")
                    .isEqualTo("MINED");
            assertThat(chainStatus(id)).isEqualTo("CONFIRMED");
            assertThat(api.get("/api/events/" + id, organizer.token())
                            .json()
                            .get("chain")
                            .get("status")
                            .asString())
                    .isEqualTo("CONFIRMED");
        } finally {
            jdbc.sql("delete from chain_commands where id = ?").param(command).update();
        }
    }

    private long operatorNonce(String operator) {
        try {
            return chain.web3j()
                    .ethGetTransactionCount(operator, DefaultBlockParameterName.PENDING)
                    .send()
                    .getTransactionCount()
                    .longValueExact();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String commandStatus(long eventId) {
        return jdbc.sql(
                        "select status from chain_commands where event_id = ? and kind = 'REGISTER' order by id limit 1")
                .param(eventId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private List<String> commands(long eventId) {
        return jdbc.sql("select status from chain_commands where event_id = ? order by id")
                .param(eventId)
                .query(String.class)
                .list();
    }

    private String chainStatus(long eventId) {
        return jdbc.sql("select chain_status from events where id = ?")
                .param(eventId)
                .query(String.class)
                .single();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
