package io.echain.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.echain.chain.ChainProperties;
import io.echain.chain.indexer.IndexerProgress;
import io.echain.chain.indexer.IndexerStatus;
import io.echain.chain.indexer.TcpProxy;
import io.echain.support.ApiIntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.web3j.protocol.Web3j;

/**
 * The backend refuses to start against a node on another chain or without code at the contract addresses, and starts
 * without a node that does not answer (its chain features wait for it). The chain's health check reports an
 * unreachable node, a stale head ({@code echain.health.chain.max-head-age}) and an indexer too far behind
 * ({@code max-lag-blocks}) as DEGRADED, or as DOWN with {@code echain.health.chain.when-down=down}.
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
                        ChainController chainInfo = new ChainController(
                                context.getBean(ChainProperties.class), context.getBean(Web3j.class), availability);
                        assertThatThrownBy(chainInfo::info)
                                .as("GET /api/chain tells the web app why, instead of an unreachable node")
                                .isInstanceOf(io.echain.shared.ServiceUnavailable.class)
                                .hasMessage(
                                        "Purchases are paused: the platform's blockchain connection is misconfigured");
                    });
        }
    }

    @Test
    void anUnreachableNodeDegradesTheChainCheckByDefaultAndTakesItDownWhenConfigured() {
        ApplicationContextRunner away = chainContext()
                .withPropertyValues("echain.chain.rpc-url=http://127.0.0.1:1", "echain.chain.rpc-timeout=2s");
        away.run(context -> {
            Health health = context.getBean(ChainHealthIndicator.class).health();
            assertThat(health.getStatus().getCode()).as("default: degraded").isEqualTo("DEGRADED");
            assertThat(String.valueOf(health.getDetails().get("error"))).contains("node unreachable");
        });
        away.withPropertyValues("echain.health.chain.when-down=down").run(context -> {
            Health health = context.getBean(ChainHealthIndicator.class).health();
            assertThat(health.getStatus()).as("ECHAIN_HEALTH_CHAIN=down").isEqualTo(Status.DOWN);
            assertThat(String.valueOf(health.getDetails().get("error"))).contains("node unreachable");
            assertThat(health.getDetails().get("reachable")).isEqualTo(false);
        });
    }

    @Test
    void aHeadOlderThanMaxHeadAgeMakesTheChainCheckUnwell() throws IOException {
        try (StubNode node = new StubNode(100, Instant.now().minus(Duration.ofHours(1)))) {
            node.context(chainContext())
                    .withPropertyValues("echain.health.chain.max-head-age=5m")
                    .run(context -> {
                        Health health =
                                context.getBean(ChainHealthIndicator.class).health();
                        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
                        assertThat((Long) health.getDetails().get("headAgeSeconds"))
                                .isGreaterThanOrEqualTo(3_600L);
                        assertThat(String.valueOf(health.getDetails().get("error")))
                                .contains("head block is")
                                .contains("more than 300 s")
                                .contains("not syncing");
                    });
            node.context(chainContext())
                    .withPropertyValues("echain.health.chain.max-head-age=5m", "echain.health.chain.when-down=down")
                    .run(context -> assertThat(context.getBean(ChainHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .isEqualTo(Status.DOWN));
            node.context(chainContext())
                    .withPropertyValues("echain.health.chain.max-head-age=2h")
                    .run(context -> assertThat(context.getBean(ChainHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .as("an hour old is within 2 h")
                            .isEqualTo(Status.UP));
        }
        try (StubNode node = new StubNode(100, Instant.now())) {
            node.context(chainContext())
                    .withPropertyValues("echain.health.chain.max-head-age=5m")
                    .run(context -> assertThat(context.getBean(ChainHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .as("a fresh head")
                            .isEqualTo(Status.UP));
        }
    }

    @Test
    void anIndexerFurtherBehindThanMaxLagBlocksMakesTheChainCheckUnwell() throws IOException {
        IndexerStatus tenBehind = Mockito.mock(IndexerStatus.class);
        Mockito.when(tenBehind.progress()).thenReturn(new IndexerProgress(90, 100, 90, Instant.now()));
        try (StubNode node = new StubNode(100, Instant.now())) {
            node.context(chainContext())
                    .withBean(IndexerStatus.class, () -> tenBehind)
                    .withPropertyValues("echain.health.chain.max-lag-blocks=5")
                    .run(context -> {
                        Health health =
                                context.getBean(ChainHealthIndicator.class).health();
                        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
                        assertThat(health.getDetails().get("lagBlocks")).isEqualTo(10L);
                        assertThat(String.valueOf(health.getDetails().get("error")))
                                .contains("10 blocks behind the head (more than 5)");
                    });
            node.context(chainContext())
                    .withBean(IndexerStatus.class, () -> tenBehind)
                    .withPropertyValues("echain.health.chain.max-lag-blocks=5", "echain.health.chain.when-down=down")
                    .run(context -> assertThat(context.getBean(ChainHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .isEqualTo(Status.DOWN));
            node.context(chainContext())
                    .withBean(IndexerStatus.class, () -> tenBehind)
                    .withPropertyValues("echain.health.chain.max-lag-blocks=20")
                    .run(context -> assertThat(context.getBean(ChainHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .as("10 blocks behind is within 20")
                            .isEqualTo(Status.UP));
            node.context(chainContext())
                    .withBean(IndexerStatus.class, () -> tenBehind)
                    .run(context -> assertThat(context.getBean(ChainHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .as("not checked by default")
                            .isEqualTo(Status.UP));
        }
    }

    /**
     * A JSON-RPC node that answers only {@code eth_getBlockByNumber}, with a head block of the given number and
     * time: what the chain monitor asks (the chain id and code check is off in {@link #context}).
     */
    private static final class StubNode implements AutoCloseable {

        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
        private final HttpServer server;

        StubNode(long head, Instant headTime) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher id = ID.matcher(request);
                String block = "{\"number\":\"0x" + Long.toHexString(head) + "\",\"hash\":\"0x" + "11".repeat(32)
                        + "\",\"parentHash\":\"0x" + "22".repeat(32) + "\",\"timestamp\":\"0x"
                        + Long.toHexString(headTime.getEpochSecond()) + "\",\"transactions\":[],\"uncles\":[]}";
                byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + (id.find() ? id.group(1) : "1") + ",\"result\":"
                                + (request.contains("eth_getBlockByNumber") ? block : "null") + "}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        ApplicationContextRunner context(ApplicationContextRunner runner) {
            return runner.withPropertyValues(
                    "echain.chain.rpc-url=http://127.0.0.1:"
                            + server.getAddress().getPort(),
                    "echain.chain.verify-on-startup=false");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
