package io.echain.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import io.echain.support.ChainTest;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.crypto.Credentials;
import tools.jackson.databind.JsonNode;

class PurchaseIntegrationTest extends ChainTest {

    @Autowired
    PaymentTracker tracker;

    @Test
    void purchaseIsPendingUntilItsBlockHasThreeConfirmations() {
        Session organizer = organizer();
        long eventId = eventOnSale(organizer, 10);
        Session buyer = sessionOf(1);
        Credentials wallet = AnvilRpc.key(1);

        String tx = buy(wallet, eventId, 2);
        Api.Response tracked = track(buyer, tx);
        assertThat(tracked.status()).as(tracked.toString()).isEqualTo(201);
        long paymentId = tracked.json().get("id").asLong();
        assertThat(tracked.header("Location")).hasValue("/api/payments/" + paymentId);
        assertThat(tracked.json().get("status").asString()).isEqualTo("PENDING");

        index();
        JsonNode pending = payment(buyer, paymentId);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("confirmations").asLong()).isEqualTo(1);
        assertThat(pending.get("quantity").asInt()).isEqualTo(2);
        assertThat(pending.get("amountWei").asString())
                .isEqualTo(PRICE.multiply(BigInteger.TWO).toString());

        chain.mine(1);
        index();
        assertThat(payment(buyer, paymentId).get("confirmations").asLong()).isEqualTo(2);
        assertThat(payment(buyer, paymentId).get("status").asString()).isEqualTo("PENDING");
        chain.mine(1);
        index();
        JsonNode confirmed = payment(buyer, paymentId);
        assertThat(confirmed.get("confirmations").asLong()).isEqualTo(3);
        assertThat(confirmed.get("requiredConfirmations").asInt()).isEqualTo(3);
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");

        JsonNode tickets = api.get("/api/me/tickets", buyer.token()).json();
        assertThat(tickets.valueStream()
                        .filter(t -> t.get("eventId").asLong() == eventId)
                        .count())
                .isEqualTo(2);
        JsonNode event = api.get("/api/events/" + eventId).json();
        assertThat(event.get("availability").get("sold").asInt()).isEqualTo(2);
        assertThat(event.get("availability").get("remaining").asInt()).isEqualTo(8);

        JsonNode revenue =
                api.get("/api/organizers/me/revenue", organizer.token()).json();
        assertThat(revenue.get("total").get("grossWei").asString())
                .isEqualTo(PRICE.multiply(BigInteger.TWO).toString());
        assertThat(revenue.get("total").get("platformFeesWei").asString())
                .isEqualTo(PRICE.multiply(BigInteger.TWO)
                        .divide(BigInteger.valueOf(20))
                        .toString());
    }

    @Test
    void underpaidPurchaseRevertsAndIsFailed() {
        long eventId = eventOnSale(organizer(), 10);
        Session buyer = sessionOf(2);
        String tx = chain.purchase(AnvilRpc.key(2), eventId, 2, PRICE);
        assertThat(chain.mined(tx).isStatusOK()).isFalse();

        Api.Response tracked = track(buyer, tx);

        assertThat(tracked.status()).as(tracked.toString()).isEqualTo(201);
        assertThat(tracked.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(tracked.json().get("failureReason").asString()).isEqualTo("reverted");
        index();
        assertThat(api.get("/api/events/" + eventId)
                        .json()
                        .get("availability")
                        .get("sold")
                        .asInt())
                .isZero();
    }

    @Test
    void purchaseReportedBeforeItIsMinedIsPendingUntilItRevertsOrLands() {
        long eventId = eventOnSale(organizer(), 10);
        Session buyer = sessionOf(3);
        chain.automine(false);
        try {
            String failing = chain.purchase(AnvilRpc.key(3), eventId, 1, BigInteger.ONE);
            String good = chain.purchase(AnvilRpc.key(3), eventId, 1, PRICE);
            long failingId = track(buyer, failing).json().get("id").asLong();
            Api.Response goodTracked = track(buyer, good);
            assertThat(goodTracked.json().get("status").asString()).isEqualTo("PENDING");
            assertThat(goodTracked.json().get("blockNumber").isNull()).isTrue();
            assertThat(payment(buyer, failingId).get("status").asString()).isEqualTo("PENDING");

            chain.mine(1);
            tracker.track();
            index();

            assertThat(payment(buyer, failingId).get("status").asString()).isEqualTo("FAILED");
            JsonNode landed = payment(buyer, goodTracked.json().get("id").asLong());
            assertThat(landed.get("status").asString()).isEqualTo("PENDING");
            assertThat(landed.get("confirmations").asLong()).isEqualTo(1);
            assertThat(landed.get("paymentId").isNull()).isFalse();
        } finally {
            chain.automine(true);
        }
    }

    @Test
    void reportingTheSameHashAgainReturnsTheSamePayment() {
        long eventId = eventOnSale(organizer(), 10);
        Session buyer = sessionOf(4);
        String tx = buy(AnvilRpc.key(4), eventId, 1);
        index();

        Api.Response first = track(buyer, tx);
        Api.Response again = track(buyer, tx);

        assertThat(first.status()).as("the indexer already knew it").isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong())
                .isEqualTo(first.json().get("id").asLong());
        assertThat(api.get("/api/me/payments", buyer.token())
                        .json()
                        .valueStream()
                        .filter(p -> p.get("txHash").asString().equals(tx))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void transactionThatIsNotOurPurchaseIs422() {
        Session sender = sessionOf(5);
        String plain = chain.send(AnvilRpc.key(5), AnvilRpc.key(6).getAddress(), BigInteger.ONE, "0x");
        chain.mined(plain);
        String toTicketContract = chain.send(AnvilRpc.key(5), chainProperties.ticketNft(), BigInteger.ZERO, "0x");
        chain.mined(toTicketContract);

        assertProblem(track(sender, plain), 422, "unprocessable");
        assertProblem(track(sender, toTicketContract), 422, "unprocessable");
        assertProblem(track(sender, "0x1234"), 400, "validation");
    }

    @Test
    void unknownHashStaysPendingUntilTheTimeout() {
        Session sender = sessionOf(5);
        String unknown = "0x" + "ab".repeat(32);
        Api.Response tracked = track(sender, unknown);
        assertThat(tracked.status()).isEqualTo(201);
        long id = tracked.json().get("id").asLong();

        tracker.track();
        assertThat(payment(sender, id).get("status").asString()).isEqualTo("PENDING");

        jdbc.sql("update payments set updated_at = now() - interval '1 hour' where id = ?")
                .param(id)
                .update();
        tracker.track();
        JsonNode failed = payment(sender, id);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asString()).startsWith("not mined within");
    }

    @Test
    void paymentsAreVisibleOnlyToTheirBuyerAndAdmins() {
        long eventId = eventOnSale(organizer(), 10);
        Session buyer = sessionOf(6);
        long id =
                track(buyer, buy(AnvilRpc.key(6), eventId, 1)).json().get("id").asLong();

        assertThat(api.get("/api/payments/" + id, admin().token()).status()).isEqualTo(200);
        assertProblem(api.get("/api/payments/" + id, attendee().token()), 403, "forbidden");
        assertProblem(api.get("/api/payments/987654321", buyer.token()), 404, "not-found");
        assertThat(api.get("/api/payments/" + id).status()).isEqualTo(401);
    }

    @Test
    void tenParallelReportsOfOneNewTransactionMakeOnePayment() throws Exception {
        long eventId = eventOnSale(organizer(), 10);
        Session buyer = sessionOf(7);
        String tx;
        List<Api.Response> responses = new ArrayList<>();
        chain.automine(false);
        try {
            tx = chain.purchase(AnvilRpc.key(7), eventId, 1, PRICE);
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Future<Api.Response>> reports = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    reports.add(pool.submit(() -> track(buyer, tx)));
                }
                for (Future<Api.Response> report : reports) {
                    responses.add(report.get());
                }
            } finally {
                pool.shutdownNow();
            }
            chain.mine(1);
        } finally {
            chain.automine(true);
        }

        assertThat(responses)
                .extracting(Api.Response::status)
                .as(responses.toString())
                .containsOnly(201, 200)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        assertThat(responses.stream().map(r -> r.json().get("id").asLong()).distinct())
                .hasSize(1);
        long id = responses.getFirst().json().get("id").asLong();
        chain.mine(2);
        tracker.track();
        index();
        assertThat(jdbc.sql("select count(*) from payments where tx_hash = ?")
                        .param(tx)
                        .query(Long.class)
                        .single())
                .as("one transaction, one payment")
                .isEqualTo(1);
        assertThat(payment(buyer, id).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(api.get("/api/me/payments", buyer.token())
                        .json()
                        .valueStream()
                        .filter(p -> p.get("txHash").asString().equals(tx))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void onlyTheSenderOfATransactionGetsItsPayment() {
        long eventId = eventOnSale(organizer(), 10);
        Session buyer = sessionOf(8);
        Session stranger = attendee();
        String tx = buy(AnvilRpc.key(8), eventId, 1);

        Api.Response stolen = track(stranger, tx);
        assertProblem(stolen, 403, "forbidden");
        assertThat(stolen.json().has("txHash")).as("no payment in the answer").isFalse();
        Api.Response own = track(buyer, tx);
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        long id = own.json().get("id").asLong();
        index();

        assertProblem(api.get("/api/payments/" + id, stranger.token()), 403, "forbidden");
        assertProblem(track(stranger, tx), 403, "forbidden");
        assertThat(api.get("/api/me/payments", stranger.token())
                        .json()
                        .valueStream()
                        .anyMatch(p -> p.get("txHash").asString().equals(tx)))
                .isFalse();
        assertThat(api.get("/api/me/payments", buyer.token())
                        .json()
                        .valueStream()
                        .anyMatch(p -> p.get("txHash").asString().equals(tx)))
                .isTrue();
    }

    @Test
    void aStrangerWhoReportsAHashBeforeTheNodeKnowsItLosesItToTheSender() {
        long eventId = eventOnSale(organizer(), 10);
        Session buyer = sessionOf(6);
        Session stranger = attendee();
        AnvilRpc.Signed purchase =
                chain.sign(AnvilRpc.key(6), chainProperties.paymentProcessor(), PRICE, chain.purchaseData(eventId, 1));

        Api.Response early = track(stranger, purchase.hash());
        assertThat(early.status())
                .as("unknown to the node: tracked, nothing to show yet")
                .isEqualTo(201);
        assertThat(early.json().get("buyer").isNull()).isTrue();
        long id = early.json().get("id").asLong();
        chain.mined(chain.sendRaw(purchase.raw()));
        Api.Response own = track(buyer, purchase.hash());
        index();

        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("id").asLong()).isEqualTo(id);
        assertProblem(api.get("/api/payments/" + id, stranger.token()), 403, "forbidden");
        assertThat(api.get("/api/me/payments", stranger.token())
                        .json()
                        .valueStream()
                        .anyMatch(p -> p.get("id").asLong() == id))
                .isFalse();
        assertThat(payment(buyer, id).get("buyer").asString()).isEqualTo(buyer.address());
    }

    @Test
    void exposesIndexerAndPaymentMetrics() {
        long eventId = eventOnSale(organizer(), 10);
        buy(AnvilRpc.key(7), eventId, 1);
        index();

        String metrics = api.get("/actuator/prometheus").body();

        assertThat(metrics)
                .contains(
                        "echain_indexer_lag_blocks",
                        "echain_indexer_rpc_errors_total",
                        "echain_payments{status=\"PENDING\"}",
                        "echain_payments{status=\"CONFIRMED\"}",
                        "echain_tickets_sold");
    }
}
