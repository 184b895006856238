package io.echain.payments.internal;

import io.echain.support.ChainTest;
import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QuoteIntegrationTest extends ChainTest {

    @Test
    void quotesPriceFeeAndGasForAPurchaseThatWouldSucceed() {
        long eventId = eventOnSale(organizer(), 5);
        index();
        Session buyer = sessionOf(1);

        Api.Response response = api.get("/api/events/" + eventId + "/quote?quantity=3", buyer.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode quote = response.json();
        BigInteger total = PRICE.multiply(BigInteger.valueOf(3));
        assertThat(quote.get("unitPriceWei").asString()).isEqualTo(PRICE.toString());
        assertThat(quote.get("totalWei").asString()).isEqualTo(total.toString());
        assertThat(quote.get("platformFeeWei").asString()).isEqualTo(total.divide(BigInteger.valueOf(20)).toString());
        assertThat(quote.get("remaining").asInt()).isEqualTo(5);
        assertThat(new BigInteger(quote.get("gasEstimate").asString())).isGreaterThan(BigInteger.valueOf(50_000));
        assertThat(new BigInteger(quote.get("feePerGasWei").asString())).isPositive();
        assertThat(quote.get("to").asString()).isEqualTo(chainProperties.paymentProcessor().toLowerCase());

        String sent = chain.send(AnvilRpc.key(1), quote.get("to").asString(),
                new BigInteger(quote.get("value").asString()), quote.get("data").asString());
        assertThat(chain.mined(sent).isStatusOK()).as("the quoted call buys the tickets").isTrue();
        assertThat(api.get("/api/events/" + eventId + "/quote?quantity=2").status()).as("anonymous quotes").isEqualTo(200);
    }

    @Test
    void refusesQuotesThatCannotBeBought() {
        long eventId = eventOnSale(organizer(), 2);
        assertProblem(api.get("/api/events/" + eventId + "/quote?quantity=0"), 400, "validation");
        assertProblem(api.get("/api/events/" + eventId + "/quote?quantity=11"), 400, "validation");
        assertProblem(api.get("/api/events/" + eventId + "/quote?quantity=x"), 400, "validation");
        assertProblem(api.get("/api/events/" + eventId + "/quote?quantity=3"), 409, "conflict");
        assertProblem(api.get("/api/events/987654321/quote?quantity=1"), 404, "not-found");

        buy(AnvilRpc.key(2), eventId, 2);
        Api.Response soldOut = api.get("/api/events/" + eventId + "/quote?quantity=1");
        assertProblem(soldOut, 409, "conflict");
        assertThat(soldOut.json().get("detail").asString()).contains("sold out");

        Session organizer = organizer();
        long cancelled = eventOnSale(organizer, 5);
        cancel(organizer, cancelled);
        Api.Response cancelledQuote = api.get("/api/events/" + cancelled + "/quote?quantity=1");
        assertProblem(cancelledQuote, 409, "conflict");
        assertThat(cancelledQuote.json().get("detail").asString()).contains("cancelled");
    }
}
