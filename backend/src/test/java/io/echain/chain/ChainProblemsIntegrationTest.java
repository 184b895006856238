package io.echain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.ApiIntegrationTest;
import io.echain.support.Wallet;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;

/** Reverts of the real contracts decode into readable problems: sold out → 409, wrong payment → 400. */
class ChainProblemsIntegrationTest extends ApiIntegrationTest {

    @Autowired
    ChainProperties properties;

    AnvilRpc chain;
    long eventId;

    @BeforeEach
    void registerSmallEvent() {
        chain = new AnvilRpc(properties);
        do {
            eventId = ThreadLocalRandom.current().nextLong(10_000_000, 16_777_215);
        } while (chain.isRegistered(eventId));
        Instant now = chain.latestBlockTime();
        chain.registerEvent(
                eventId,
                Wallet.random().address(),
                BigInteger.valueOf(1_000),
                2,
                now.minusSeconds(60),
                now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)));
    }

    @AfterEach
    void disconnect() {
        chain.close();
    }

    @Test
    void decodesSoldOutAsConflict() {
        chain.awaitReceipt(chain.purchase(AnvilRpc.key(5), eventId, 2), Duration.ofSeconds(5))
                .orElseThrow();
        ContractReverted problem = ContractReverted.of(estimatePurchase(1, BigInteger.valueOf(1_000)));
        assertThat(problem.revert().name()).isEqualTo("EventTicketNFT_ExceedsCapacity");
        assertThat(problem.type().status().value()).isEqualTo(409);
        assertThat(problem.getMessage()).isEqualTo("Event " + eventId + " is sold out");
    }

    @Test
    void decodesWrongPaymentAsBadInput() {
        ContractReverted problem = ContractReverted.of(estimatePurchase(2, BigInteger.valueOf(1_500)));
        assertThat(problem.revert().name()).isEqualTo("EventTicketNFT_Underpayment");
        assertThat(problem.revert().args()).containsExactly(BigInteger.valueOf(2_000), BigInteger.valueOf(1_500));
        assertThat(problem.type().status().value()).isEqualTo(400);
        assertThat(problem.errors()).containsEntry("value", "must be 2000 wei");
    }

    @Test
    void decodesAnUnknownEventAsNotFound() {
        eventId = 16_777_000 + ThreadLocalRandom.current().nextLong(200);
        while (chain.isRegistered(eventId)) {
            eventId++;
        }
        ContractReverted problem = ContractReverted.of(estimatePurchase(1, BigInteger.ZERO));
        assertThat(problem.type().status().value()).isEqualTo(404);
        assertThat(problem.getMessage()).contains("is not registered on chain");
    }

    @Test
    void servesTheChainInfoPublicly() {
        var response = api.get("/api/chain");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("chainId").asLong()).isEqualTo(properties.chainId());
        assertThat(response.json().get("paymentProcessor").asString()).isEqualTo(properties.paymentProcessor());
        assertThat(response.json().get("confirmations").asInt()).isEqualTo(3);
        assertThat(response.json().get("headBlock").asLong()).isPositive();
    }

    @Test
    void tellsWalletsHowToReachTheChain() throws Exception {
        var chainInfo = api.get("/api/chain").json();
        // The tests' local Anvil runs with Base Sepolia's chain id: its well-known name and explorer apply.
        assertThat(chainInfo.get("chainName").asString()).isEqualTo("Base Sepolia");
        assertThat(chainInfo.get("blockExplorerUrl").asString()).isEqualTo("https://sepolia.basescan.org");
        // No public RPC URL is configured, so wallets get the node the backend uses, and it answers.
        String rpcUrl = chainInfo.get("rpcUrl").asString();
        assertThat(rpcUrl).isEqualTo(properties.rpcUrl().toString());
        try (var wallet = org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService(rpcUrl))) {
            assertThat(wallet.ethChainId().send().getChainId().longValueExact()).isEqualTo(properties.chainId());
        }
    }

    private ContractErrors.Revert estimatePurchase(int quantity, BigInteger value) {
        String data = chain.purchaseData(eventId, quantity);
        try {
            EthEstimateGas estimate = chain.web3j()
                    .ethEstimateGas(Transaction.createFunctionCallTransaction(
                            AnvilRpc.key(6).getAddress(), null, null, null, properties.paymentProcessor(), value, data))
                    .send();
            assertThat(estimate.hasError()).as("the purchase should revert").isTrue();
            return ContractErrors.decode(estimate.getError())
                    .orElseThrow(() -> new AssertionError(
                            "undecoded: " + estimate.getError().getData()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
