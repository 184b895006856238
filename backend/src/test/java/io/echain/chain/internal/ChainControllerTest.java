package io.echain.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.echain.chain.ChainProperties;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code GET /api/chain} tells wallets and the web app about the RPC: the configured public URL, and never the
 * backend's own {@code ECHAIN_RPC_URL}, which carries the provider's API key. Bound from the production settings
 * (no profile, no local Anvil), against a stand-in node that answers {@code eth_blockNumber}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChainControllerTest {

    static final String PROVIDER_URL = "https://base-mainnet.provider.example/v2/provider-api-key-0123456789";

    HttpServer node;
    Web3j web3j;

    @BeforeEach
    void startNode() throws Exception {
        node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        node.createContext("/", exchange -> {
            byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x2a\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        node.start();
        web3j = Web3j.build(
                new HttpService("http://127.0.0.1:" + node.getAddress().getPort()));
    }

    @AfterEach
    void stopNode() {
        web3j.shutdown();
        node.stop(0);
    }

    static ChainProperties production(Map<String, String> extra) {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of(
                "echain.chain.rpc-url", PROVIDER_URL,
                "echain.chain.chain-id", "8453",
                "echain.chain.ticket-nft", "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                "echain.chain.payment-processor", "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"));
        settings.putAll(extra);
        return new Binder(new MapConfigurationPropertySource(settings))
                .bind("echain.chain", ChainProperties.class)
                .get();
    }

    @Test
    void publishesTheConfiguredPublicRpcUrl() {
        ChainController.ChainInfo info = new ChainController(
                        production(Map.of("echain.chain.wallet.rpc-url", "https://mainnet.base.org")),
                        web3j,
                        new ChainAvailability(event -> {}))
                .info();
        assertThat(info.rpcUrl()).isEqualTo("https://mainnet.base.org");
        assertThat(info.chainName()).isEqualTo("Base");
        assertThat(info.headBlock()).isEqualTo(42);
    }

    @Test
    void neverPublishesTheBackendsOwnRpcUrlAndSaysWhichVariableIsMissing(CapturedOutput output) {
        for (String unset : new String[] {null, "", "  "}) {
            Map<String, String> extra = unset == null ? Map.of() : Map.of("echain.chain.wallet.rpc-url", unset);
            ChainProperties properties = production(extra);
            assertThat(properties.publicRpcUrl()).isNull();
            ChainController.ChainInfo info =
                    new ChainController(properties, web3j, new ChainAvailability(event -> {})).info();
            assertThat(info.rpcUrl()).isNull();
            String json = JsonMapper.builder().build().writeValueAsString(info);
            assertThat(json).doesNotContain("provider-api-key").doesNotContain("provider.example");
            assertThat(info.headBlock()).isEqualTo(42);
        }
        assertThat(output).contains("ECHAIN_PUBLIC_RPC_URL is not set").doesNotContain("provider-api-key");
    }
}
