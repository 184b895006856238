package io.echain.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import io.echain.support.ChainTest;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/me/tickets} lists the tickets the caller holds or held, each once, with its status from the caller's
 * point of view: ACTIVE while the caller holds it, TRANSFERRED once the caller passed it on, REFUNDED once the caller
 * was refunded for it.
 */
class MyTicketsIntegrationTest extends ChainTest {

    @Test
    void statusesFollowTheTicketFromTheCallersPointOfView() {
        long eventId = eventOnSale(organizer(), 10);
        Session first = sessionOf(2);
        Session second = sessionOf(3);
        Session third = sessionOf(4);
        buy(AnvilRpc.key(2), eventId, 1);
        index();
        BigInteger tokenId =
                new BigInteger(ticket(first, eventId).get("tokenId").asString());
        assertThat(ticket(first, eventId).get("status").asString()).isEqualTo("ACTIVE");

        chain.mined(chain.transfer(AnvilRpc.key(2), second.wallet().address(), tokenId));
        index();
        assertThat(ticket(first, eventId).get("status").asString())
                .as("the seller held it")
                .isEqualTo("TRANSFERRED");
        assertThat(ticket(first, eventId).get("owner").asString()).isEqualTo(second.address());
        assertThat(ticket(second, eventId).get("status").asString())
                .as("the new owner holds it")
                .isEqualTo("ACTIVE");

        chain.mined(chain.transfer(AnvilRpc.key(3), third.wallet().address(), tokenId));
        index();
        assertThat(ticket(first, eventId).get("status").asString()).isEqualTo("TRANSFERRED");
        assertThat(ticket(second, eventId).get("status").asString()).isEqualTo("TRANSFERRED");
        assertThat(ticket(third, eventId).get("status").asString()).isEqualTo("ACTIVE");

        chain.mined(chain.transfer(AnvilRpc.key(4), first.wallet().address(), tokenId));
        index();
        assertThat(tickets(first, eventId)).as("held again: listed once").hasSize(1);
        assertThat(ticket(first, eventId).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(ticket(third, eventId).get("status").asString()).isEqualTo("TRANSFERRED");
    }

    @Test
    void aRefundIsTheRefundedHoldersWhileEarlierHoldersSeeTheirTransfer() {
        Session organizer = organizer();
        long eventId = eventOnSale(organizer, 10);
        Session seller = sessionOf(5);
        Session holder = sessionOf(6);
        buy(AnvilRpc.key(5), eventId, 1);
        index();
        BigInteger tokenId =
                new BigInteger(ticket(seller, eventId).get("tokenId").asString());
        chain.mined(chain.transfer(AnvilRpc.key(5), holder.wallet().address(), tokenId));

        cancel(organizer, eventId);
        chain.mined(chain.claimRefunds(AnvilRpc.key(6), List.of(tokenId)));
        index();

        assertThat(ticket(holder, eventId).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(ticket(seller, eventId).get("status").asString()).isEqualTo("TRANSFERRED");
    }

    private List<JsonNode> tickets(Session session, long eventId) {
        Api.Response response = api.get("/api/me/tickets", session.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json()
                .valueStream()
                .filter(t -> t.get("eventId").asLong() == eventId)
                .toList();
    }

    private JsonNode ticket(Session session, long eventId) {
        List<JsonNode> tickets = tickets(session, eventId);
        assertThat(tickets)
                .as("tickets of event %d for %s", eventId, session.address())
                .hasSize(1);
        return tickets.getFirst();
    }
}
