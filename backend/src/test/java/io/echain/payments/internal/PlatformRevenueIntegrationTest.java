package io.echain.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import io.echain.support.ChainTest;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Royalties are split half to the organizer, half to the platform; both halves, the platform's fees, what it
 * withdrew and what it can withdraw are visible, and agree with the contract's own books.
 */
class PlatformRevenueIntegrationTest extends ChainTest {

    private static final BigInteger ROYALTY = BigInteger.valueOf(1_000_001);

    @Test
    void showsBothHalvesOfRoyaltiesAndThePlatformsRevenueAsTheContractKeepsThem() {
        Session organizer = organizerOf(7);
        ShortEvent resold = shortEventOnSale(organizer, "Resold event");
        long eventId = resold.id();
        buy(AnvilRpc.key(1), eventId, 2);
        chain.mined(chain.payRoyalty(AnvilRpc.key(2), eventId, ROYALTY));
        index();
        BigInteger organizerHalf = ROYALTY.subtract(ROYALTY.divide(BigInteger.TWO));
        BigInteger platformHalf = ROYALTY.divide(BigInteger.TWO);

        JsonNode event = eventRevenue(organizer, eventId);
        assertThat(event.get("royaltiesWei").asString())
                .as("the organizer's half")
                .isEqualTo(organizerHalf.toString());
        assertThat(event.get("royaltiesTotalWei").asString()).isEqualTo(ROYALTY.toString());
        assertThat(event.get("platformRoyaltiesWei").asString()).isEqualTo(platformHalf.toString());
        assertThat(event.get("royaltiesWithdrawableWei").asString()).isEqualTo(organizerHalf.toString());
        assertThat(platformEvent(eventId).get("platformRoyaltiesWei").asString())
                .isEqualTo(platformHalf.toString());
        assertMatchesTheContract();

        chain.mined(chain.withdrawRoyalty(AnvilRpc.key(7), eventId));
        passTheEnd(resold);
        chain.mined(chain.withdrawRevenue(AnvilRpc.key(7), eventId));
        index();

        event = eventRevenue(organizer, eventId);
        assertThat(event.get("royaltiesWithdrawnWei").asString()).isEqualTo(organizerHalf.toString());
        assertThat(event.get("royaltiesWithdrawableWei").asString()).isEqualTo("0");
        BigInteger fee = PRICE.multiply(BigInteger.TWO).divide(BigInteger.valueOf(20));
        JsonNode platformEvent = platformEvent(eventId);
        assertThat(platformEvent.get("platformFeeWei").asString()).isEqualTo(fee.toString());
        assertThat(platformEvent.get("feeCredited").asBoolean()).as("settled").isTrue();
        assertThat(platformEvent.get("organizerRoyaltiesWithdrawnWei").asString())
                .isEqualTo(organizerHalf.toString());
        assertMatchesTheContract();

        chain.mined(chain.withdrawPlatformFees());
        index();
        JsonNode platform = platformRevenue();
        assertThat(platform.get("withdrawableWei").asString()).isEqualTo("0");
        assertThat(platform.get("withdrawals")
                        .valueStream()
                        .map(w -> w.get("treasury").asString()))
                .contains(AnvilRpc.key(AnvilRpc.OWNER).getAddress());
        assertMatchesTheContract();
    }

    @Test
    void platformRevenueIsForAdminsOnly() {
        assertProblem(api.get("/api/admin/revenue", organizer().token()), 403, "forbidden");
        assertProblem(api.get("/api/admin/revenue"), 401, "unauthenticated");
    }

    @Test
    void theEventsBooksComeInPagesWhileTheTotalsCoverEveryEvent() {
        Session organizer = organizerOf(7);
        eventOnSale(organizer, 5);
        eventOnSale(organizer, 5);
        index();
        String token = admin().token();

        // Other tests' events (and chain events no backend event maps to) share the database: check the order and
        // the paging, not which events come first.
        JsonNode first = api.get("/api/admin/revenue?size=1", token).json();
        JsonNode second = api.get("/api/admin/revenue?page=1&size=1", token).json();
        JsonNode all = api.get("/api/admin/revenue?size=200", token).json();
        assertThat(first.get("events")).hasSize(1);
        assertThat(second.get("events")).hasSize(1);
        assertThat(first.get("totalEvents").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(1);
        assertThat(new BigInteger(first.get("events").get(0).get("chainEventId").asString()))
                .as("newest chain event first")
                .isGreaterThan(new BigInteger(
                        second.get("events").get(0).get("chainEventId").asString()));
        assertThat(all.get("events").get(1).get("chainEventId").asString())
                .isEqualTo(second.get("events").get(0).get("chainEventId").asString());
        assertThat(all.get("events"))
                .hasSize((int) Math.min(200, all.get("totalEvents").asLong()));
        for (String total : List.of("feesCreditedWei", "feesPendingWei", "royaltiesCreditedWei", "creditedWei")) {
            assertThat(first.get(total).asString())
                    .as(total)
                    .isEqualTo(all.get(total).asString());
            assertThat(second.get(total).asString())
                    .as(total)
                    .isEqualTo(all.get(total).asString());
        }

        for (String bad : List.of("size=0", "size=201", "page=-1", "size=lots")) {
            assertProblem(api.get("/api/admin/revenue?" + bad, token), 400, "validation");
        }
    }

    private void assertMatchesTheContract() {
        JsonNode platform = platformRevenue();
        List<BigInteger> totals = chain.platformTotals();
        assertThat(platform.get("creditedWei").asString())
                .isEqualTo(totals.get(0).toString());
        assertThat(platform.get("withdrawnWei").asString())
                .isEqualTo(totals.get(1).toString());
        assertThat(platform.get("withdrawableWei").asString())
                .isEqualTo(chain.platformBalance().toString());
        assertThat(new BigInteger(platform.get("feesCreditedWei").asString())
                        .add(new BigInteger(platform.get("royaltiesCreditedWei").asString())))
                .isEqualTo(totals.get(0));
    }

    private JsonNode platformRevenue() {
        Api.Response response = api.get("/api/admin/revenue", admin().token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode platformEvent(long eventId) {
        return platformRevenue()
                .get("events")
                .valueStream()
                .filter(e -> e.get("eventId").asLong() == eventId)
                .findFirst()
                .orElseThrow();
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
