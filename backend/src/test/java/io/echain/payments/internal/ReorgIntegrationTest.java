package io.echain.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.ChainTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A purchase that a reorg removes leaves the projection; the purchase that replaces it counts exactly once. */
class ReorgIntegrationTest extends ChainTest {

    @Test
    void droppedPurchaseLeavesTheProjectionAndItsReplacementCountsOnce() {
        Session organizer = organizer();
        long eventId = eventOnSale(organizer, 10);
        Session dropped = sessionOf(1);
        Session replacing = sessionOf(2);
        awaitOutboxIdle();
        index();
        String snapshot = chain.snapshot();

        String droppedTx = buy(AnvilRpc.key(1), eventId, 2);
        long droppedId = track(dropped, droppedTx).json().get("id").asLong();
        index();
        assertThat(payment(dropped, droppedId).get("status").asString()).isEqualTo("PENDING");
        assertThat(sold(eventId)).isEqualTo(2);

        chain.revert(snapshot);
        chain.catchUpWithWallClock();
        String replacementTx = buy(AnvilRpc.key(2), eventId, 1);
        long replacementId = track(replacing, replacementTx).json().get("id").asLong();
        chain.mine(3);
        index();
        index();

        JsonNode gone = payment(dropped, droppedId);
        assertThat(gone.get("status").asString())
                .as("back to PENDING, waiting to be mined again")
                .isEqualTo("PENDING");
        assertThat(gone.get("blockNumber").isNull()).isTrue();
        assertThat(gone.get("confirmations").asLong()).isZero();
        JsonNode replacement = payment(replacing, replacementId);
        assertThat(replacement.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(sold(eventId)).isEqualTo(1);
        assertThat(api.get("/api/me/tickets", dropped.token())
                        .json()
                        .valueStream()
                        .anyMatch(t -> t.get("eventId").asLong() == eventId))
                .as("no ghost tickets")
                .isFalse();
        assertThat(api.get("/api/me/tickets", replacing.token())
                        .json()
                        .valueStream()
                        .filter(t -> t.get("eventId").asLong() == eventId)
                        .count())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from indexer_logs where tx_hash = ?")
                        .param(replacementTx)
                        .query(Long.class)
                        .single())
                .as("TicketsPurchased, applied once (its mint Transfer is not kept)")
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from indexer_logs where tx_hash = ?")
                        .param(droppedTx)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select gross from event_revenue where event_id = ?")
                        .param(eventId)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo(new BigDecimal(PRICE));
        assertThat(jdbc.sql("select tickets_sold from event_revenue where event_id = ?")
                        .param(eventId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private int sold(long eventId) {
        return api.get("/api/events/" + eventId)
                .json()
                .get("availability")
                .get("sold")
                .asInt();
    }
}
