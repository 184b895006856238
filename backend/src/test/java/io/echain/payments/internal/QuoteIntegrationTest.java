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
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class QuoteIntegrationTest extends ChainTest {

    @Autowired
    MeterRegistry meters;

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
        assertThat(quote.get("platformFeeWei").asString())
                .isEqualTo(total.divide(BigInteger.valueOf(20)).toString());
        assertThat(quote.get("remaining").asInt()).isEqualTo(5);
        assertThat(new BigInteger(quote.get("gasEstimate").asString())).isGreaterThan(BigInteger.valueOf(50_000));
        assertThat(new BigInteger(quote.get("feePerGasWei").asString())).isPositive();
        assertThat(quote.get("to").asString())
                .isEqualTo(chainProperties.paymentProcessor().toLowerCase());

        String sent = chain.send(
                AnvilRpc.key(1),
                quote.get("to").asString(),
                new BigInteger(quote.get("value").asString()),
                quote.get("data").asString());
        assertThat(chain.mined(sent).isStatusOK())
                .as("the quoted call buys the tickets")
                .isTrue();
        assertThat(api.get("/api/events/" + eventId + "/quote?quantity=2").status())
                .as("anonymous quotes")
                .isEqualTo(200);
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
        index(); // quotes answer from the head the indexer last reported (at most one block old)
        Api.Response soldOut = api.get("/api/events/" + eventId + "/quote?quantity=1");
        assertProblem(soldOut, 409, "conflict");
        assertThat(soldOut.json().get("detail").asString()).contains("sold out");

        Session organizer = organizer();
        long cancelled = eventOnSale(organizer, 5);
        cancel(organizer, cancelled);
        index();
        Api.Response cancelledQuote = api.get("/api/events/" + cancelled + "/quote?quantity=1");
        assertProblem(cancelledQuote, 409, "conflict");
        assertThat(cancelledQuote.json().get("detail").asString()).contains("cancelled");
    }

    @Test
    void answersSoldOutWithinOneBlockOfTheLastSale() {
        long eventId = eventOnSale(organizer(), 3);
        index();
        assertThat(api.get("/api/events/" + eventId + "/quote?quantity=3").status())
                .isEqualTo(200);

        buy(AnvilRpc.key(3), eventId, 3);
        index(); // the indexer's next poll, at most one block later

        Api.Response soldOut = api.get("/api/events/" + eventId + "/quote?quantity=1");
        assertProblem(soldOut, 409, "conflict");
        assertThat(soldOut.json().get("detail").asString()).contains("sold out");
    }

    @Test
    void answersEveryQuoteOfABlockFromOneReadOfTheChain() throws Exception {
        long eventId = eventOnSale(organizer(), 50);
        index();
        api.get("/api/events/" + eventId + "/quote?quantity=1"); // the first quote reads the block and estimates

        for (int block = 0; block < 2; block++) {
            Map<String, Double> before = rpcCalls();
            List<Callable<Integer>> quotes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                quotes.add(() ->
                        api.get("/api/events/" + eventId + "/quote?quantity=1").status());
            }
            try (var visitors = Executors.newFixedThreadPool(16)) {
                for (var status : visitors.invokeAll(quotes)) {
                    assertThat(status.get()).isEqualTo(200);
                }
            }
            Map<String, Double> after = rpcCalls();
            double calls = after.getOrDefault("eth_call", 0.0) - before.getOrDefault("eth_call", 0.0);
            double gasPrice = after.getOrDefault("eth_gasPrice", 0.0) - before.getOrDefault("eth_gasPrice", 0.0);
            double estimates = after.getOrDefault("eth_estimateGas", 0.0) - before.getOrDefault("eth_estimateGas", 0.0);
            assertThat(calls)
                    .as("200 quotes of one block: getEvent once, paused and maxTicketsPerPurchase once each")
                    .isLessThanOrEqualTo(3);
            assertThat(gasPrice).as("fee per gas read once per block").isLessThanOrEqualTo(1);
            assertThat(estimates)
                    .as("the shared estimate is kept while the price stands")
                    .isZero();

            chain.mine(1);
            index(); // a new head: the next quotes read the chain again, once
        }
        JsonNode quote = api.get("/api/events/" + eventId + "/quote?quantity=1").json();
        assertThat(new BigInteger(quote.get("gasEstimate").asString())).isGreaterThan(BigInteger.valueOf(50_000));
    }

    /** Node calls by JSON-RPC method so far (echain.chain.rpc.calls). */
    private Map<String, Double> rpcCalls() {
        Map<String, Double> calls = new HashMap<>();
        meters.find("echain.chain.rpc.calls")
                .counters()
                .forEach(counter -> calls.merge(counter.getId().getTag("method"), counter.count(), Double::sum));
        return calls;
    }
}
