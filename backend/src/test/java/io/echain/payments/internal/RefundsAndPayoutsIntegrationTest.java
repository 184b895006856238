package io.echain.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.ChainTest;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RefundsAndPayoutsIntegrationTest extends ChainTest {

    @Test
    void cancelledEventRefundsHoldersAndAdjustsRevenue() {
        Session organizer = organizerOf(7);
        long eventId = eventOnSale(organizer, 10);
        Session buyer = sessionOf(8);
        long paymentId =
                track(buyer, buy(AnvilRpc.key(8), eventId, 2)).json().get("id").asLong();
        index();
        List<BigInteger> tokens = api.get("/api/me/tickets", buyer.token())
                .json()
                .valueStream()
                .filter(t -> t.get("eventId").asLong() == eventId)
                .map(t -> new BigInteger(t.get("tokenId").asString()))
                .toList();
        assertThat(tokens).hasSize(2);

        cancel(organizer, eventId);
        chain.mined(chain.claimRefunds(AnvilRpc.key(8), tokens));
        chain.mine(3);
        index();

        assertThat(payment(buyer, paymentId).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(payment(buyer, paymentId).get("refundedWei").asString())
                .isEqualTo(PRICE.multiply(BigInteger.TWO).toString());
        assertThat(api.get("/api/me/tickets", buyer.token())
                        .json()
                        .valueStream()
                        .filter(t -> t.get("eventId").asLong() == eventId)
                        .map(t -> t.get("status").asString()))
                .containsOnly("REFUNDED");
        assertThat(api.get("/api/events/" + eventId)
                        .json()
                        .get("availability")
                        .get("sold")
                        .asInt())
                .isZero();
        JsonNode revenue = eventRevenue(organizer, eventId);
        assertThat(revenue.get("cancelled").asBoolean()).isTrue();
        assertThat(revenue.get("refundedWei").asString())
                .isEqualTo(PRICE.multiply(BigInteger.TWO).toString());
        assertThat(revenue.get("platformFeesWei").asString()).isEqualTo("0");
        assertThat(revenue.get("inEscrowWei").asString()).isEqualTo("0");
        assertThat(revenue.get("ticketsRefunded").asInt()).isEqualTo(2);
    }

    @Test
    void organizerWithdrawsAfterTheEventEnds() {
        Session organizer = organizerOf(8);
        ShortEvent event = shortEventOnSale(organizer, "Short event");
        long eventId = event.id();
        buy(AnvilRpc.key(1), eventId, 3);
        index();
        BigInteger gross = PRICE.multiply(BigInteger.valueOf(3));
        BigInteger fee = gross.divide(BigInteger.valueOf(20));
        JsonNode before = eventRevenue(organizer, eventId);
        assertThat(before.get("inEscrowWei").asString()).isEqualTo(gross.toString());
        assertThat(before.get("withdrawableWei").asString()).isEqualTo("0");

        passTheEnd(event);
        index();
        assertThat(eventRevenue(organizer, eventId).get("withdrawableWei").asString())
                .isEqualTo(gross.subtract(fee).toString());

        chain.mined(chain.withdrawRevenue(AnvilRpc.key(8), eventId));
        index();

        JsonNode after = eventRevenue(organizer, eventId);
        assertThat(after.get("settled").asBoolean()).isTrue();
        assertThat(after.get("withdrawnWei").asString())
                .isEqualTo(gross.subtract(fee).toString());
        assertThat(after.get("withdrawableWei").asString()).isEqualTo("0");
        assertThat(after.get("platformFeesWei").asString()).isEqualTo(fee.toString());
        assertThat(after.get("inEscrowWei").asString()).isEqualTo("0");
    }

    @Test
    void transfersMoveTicketsBetweenOwners() {
        Session organizer = organizer();
        long eventId = eventOnSale(organizer, 10);
        Session seller = sessionOf(2);
        Session receiver = sessionOf(3);
        buy(AnvilRpc.key(2), eventId, 1);
        index();
        JsonNode ticket = api.get("/api/me/tickets", seller.token())
                .json()
                .valueStream()
                .filter(t -> t.get("eventId").asLong() == eventId)
                .findFirst()
                .orElseThrow();
        BigInteger tokenId = new BigInteger(ticket.get("tokenId").asString());
        assertThat(ticket.get("status").asString()).isEqualTo("ACTIVE");

        chain.mined(chain.transfer(AnvilRpc.key(2), receiver.wallet().address(), tokenId));
        index();

        JsonNode sold = api.get("/api/me/tickets", seller.token())
                .json()
                .valueStream()
                .filter(t -> t.get("tokenId").asString().equals(tokenId.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(sold.get("status").asString()).as("the seller held it").isEqualTo("TRANSFERRED");
        JsonNode moved = api.get("/api/me/tickets", receiver.token())
                .json()
                .valueStream()
                .filter(t -> t.get("tokenId").asString().equals(tokenId.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(moved.get("status").asString()).as("the receiver holds it").isEqualTo("ACTIVE");
        JsonNode sales =
                api.get("/api/events/" + eventId + "/sales", organizer.token()).json();
        assertThat(sales.get("holders").toString()).contains(receiver.address()).doesNotContain(seller.address());
        assertThat(api.get("/api/events/" + eventId)
                        .json()
                        .get("availability")
                        .get("sold")
                        .asInt())
                .isEqualTo(1);
    }

    private JsonNode eventRevenue(Session organizer, long eventId) {
        JsonNode revenue =
                api.get("/api/organizers/me/revenue", organizer.token()).json();
        return revenue.get("events")
                .valueStream()
                .filter(e -> e.get("eventId").asLong() == eventId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no revenue for event " + eventId + " in " + revenue));
    }
}
