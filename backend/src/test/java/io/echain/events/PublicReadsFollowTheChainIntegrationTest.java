package io.echain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.ChainTest;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Anonymous reads are cached (details 10 s), but every change that alters them evicts them at once: the on-chain
 * status of an event, its indexed sales, and the chain's clock passing its end, which the contract, not the wall
 * clock, decides.
 */
class PublicReadsFollowTheChainIntegrationTest extends ChainTest {

    @Test
    void anonymousReadsShowTheChainStatusAsSoonAsItChanges() {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        // Cached now; the outbox may already have sent the registration.
        assertThat(anonymous(id).get("chain").get("status").asString()).isIn("PENDING", "SUBMITTED");
        assertThat(listed(organizer, id).get("chain").get("status").asString()).isIn("PENDING", "SUBMITTED");

        await("registration mined", () -> chain.isRegistered(id));
        index();
        assertThat(anonymous(id).get("chain").get("status").asString()).isEqualTo("MINED");
        chain.mine(2);
        index();
        assertThat(anonymous(id).get("chain").get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(listed(organizer, id).get("chain").get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void anEventEndsWhenTheChainsClockPassesItsEndNotTheWallClock() {
        Session organizer = organizerOf(6);
        ShortEvent event = shortEventOnSale(organizer, "Ends on chain time");
        long id = event.id();
        buy(AnvilRpc.key(1), id, 2);
        index();
        assertThat(anonymous(id).get("status").asString()).isEqualTo("SCHEDULED");

        passTheEnd(event);
        index();

        assertThat(Instant.now()).as("the wall clock has not reached the end").isBefore(event.end());
        assertThat(anonymous(id).get("status").asString()).isEqualTo("FINISHED");
        assertThat(api.get("/api/events/" + id, organizer.token())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("FINISHED");
        assertThat(api.get("/api/events?status=FINISHED&organizer=" + organizer.address())
                        .json()
                        .get("items")
                        .valueStream()
                        .anyMatch(e -> e.get("id").asLong() == id))
                .isTrue();
        assertProblem(
                api.call("PUT", "/api/events/" + id)
                        .token(organizer.token())
                        .header("If-Match", "*")
                        .json(eventBody("Too late"))
                        .send(),
                409,
                "conflict");
        BigInteger gross = PRICE.multiply(BigInteger.TWO);
        JsonNode revenue = api.get("/api/organizers/me/revenue", organizer.token())
                .json()
                .get("events")
                .valueStream()
                .filter(e -> e.get("eventId").asLong() == id)
                .findFirst()
                .orElseThrow();
        assertThat(revenue.get("withdrawableWei").asString())
                .isEqualTo(gross.subtract(gross.divide(BigInteger.valueOf(20))).toString());
        assertThat(chain.mined(chain.withdrawRevenue(AnvilRpc.key(6), id)).isStatusOK())
                .as("and the contract agrees")
                .isTrue();
    }

    private JsonNode anonymous(long id) {
        return api.get("/api/events/" + id).json();
    }

    private JsonNode listed(Session organizer, long id) {
        return api.get("/api/events?organizer=" + organizer.address())
                .json()
                .get("items")
                .valueStream()
                .filter(e -> e.get("id").asLong() == id)
                .findFirst()
                .orElseThrow();
    }
}
