package io.echain.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.echain.chain.ChainProperties;
import io.echain.chain.indexer.TcpProxy;
import io.echain.support.ApiIntegrationTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.web3j.protocol.Web3j;

/**
 * The backend refuses to start against a node on another chain or without code at the contract addresses, and starts
 * without a node that does not answer (its chain features wait for it).
 */
class ChainStartupCheckIntegrationTest extends ApiIntegrationTest {

    @Autowired
    ChainProperties deployed;

    private ApplicationContextRunner chainContext() {
        return new ApplicationContextRunner()
                .withUserConfiguration(ChainConfiguration.class)
                .withPropertyValues(
                        "echain.chain.rpc-url=" + deployed.rpcUrl(),
                        "echain.chain.chain-id=" + deployed.chainId(),
                        "echain.chain.ticket-nft=" + deployed.ticketNft(),
                        "echain.chain.payment-processor=" + deployed.paymentProcessor());
    }

    @Test
    void startsWhenNodeAndConfigurationAgree() {
        chainContext().run(context -> assertThat(context).hasNotFailed().hasSingleBean(ChainStartupCheck.class));
    }

    @Test
    void refusesToStartOnAnotherChain() {
        chainContext()
                .withPropertyValues("echain.chain.chain-id=8453")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(ChainStartupCheck.ChainMisconfigured.class)
                        .hasMessageContaining("is on chain " + deployed.chainId())
                        .hasMessageContaining("8453"));
    }

    @Test
    void refusesToStartWithoutContractCodeAtTheAddress() {
        String account = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"; // an Anvil account: no code
        chainContext()
                .withPropertyValues("echain.chain.payment-processor=" + account)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(ChainStartupCheck.ChainMisconfigured.class)
                        .hasMessageContaining("No contract code at echain.chain.payment-processor"));
    }

    @Test
    void startsWithoutTheNodeWithTheChainFeaturesPaused() {
        chainContext()
                .withPropertyValues("echain.chain.rpc-url=http://127.0.0.1:1", "echain.chain.rpc-timeout=2s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ChainAvailability.class).state())
                            .isEqualTo(ChainAvailability.State.UNVERIFIED);
                    assertThatThrownBy(() -> context.getBean(Web3j.class)
                                    .ethBlockNumber()
                                    .send())
                            .isInstanceOf(IOException.class)
                            .hasMessageContaining("not available");
                });
    }

    @Test
    void stopsTheChainFeaturesLoudlyWhenTheNodeComesBackOnAnotherChain() {
        try (TcpProxy proxy = new TcpProxy(deployed.rpcUrl().getPort())) {
            proxy.down();
            chainContext()
                    .withPropertyValues(
                            "echain.chain.rpc-url=" + proxy.url(),
                            "echain.chain.chain-id=8453",
                            "echain.resilience.node.probe-interval=100ms")
                    .run(context -> {
                        assertThat(context).as("starts while the node is away").hasNotFailed();
                        ChainAvailability availability = context.getBean(ChainAvailability.class);
                        assertThat(availability.state()).isEqualTo(ChainAvailability.State.UNVERIFIED);

                        proxy.up();
                        long deadline = System.nanoTime()
                                + java.time.Duration.ofSeconds(10).toNanos();
                        while (availability.state() == ChainAvailability.State.UNVERIFIED
                                && System.nanoTime() < deadline) {
                            Thread.sleep(50);
                        }
                        assertThat(availability.state()).isEqualTo(ChainAvailability.State.MISCONFIGURED);
                        assertThat(availability.problem())
                                .contains("is on chain " + deployed.chainId())
                                .contains("ECHAIN_CHAIN_ID");
                        assertThat(availability.pausedBecause()).isPresent();
                        assertThatThrownBy(() -> context.getBean(Web3j.class)
                                        .ethBlockNumber()
                                        .send())
                                .isInstanceOf(IOException.class)
                                .hasMessageContaining("chain features stopped");
                        var health = context.getBean(ChainHealthIndicator.class).health();
                        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
                        assertThat(String.valueOf(health.getDetails().get("error")))
                                .contains("ECHAIN_CHAIN_ID");
                    });
        }
    }
}
