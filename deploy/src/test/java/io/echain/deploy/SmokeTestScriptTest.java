package io.echain.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * scripts/smoke-test.sh against a stand-in for a release (canned /health and /api/chain): it fails a release whose
 * /api/chain gives wallets and the web app no RPC URL (ECHAIN_PUBLIC_RPC_URL not set). ImageTest runs it against
 * the real application from the image.
 */
class SmokeTestScriptTest {

    static final String NFT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    static final String PROCESSOR = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

    record Result(int exit, String output) {
    }

    static Result smoke(String chainJson) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve(server, "/health", "{\"status\":\"UP\",\"version\":\"0.1.0-SNAPSHOT\"}");
        serve(server, "/api/chain", chainJson);
        server.start();
        Path deployment = Files.createTempFile("deployment", ".json");
        Path log = Files.createTempFile("smoke", ".log");
        try {
            Files.writeString(deployment, "{\"chainId\":84532,\"ticketNft\":\"" + NFT + "\",\"paymentProcessor\":\""
                    + PROCESSOR + "\",\"deploymentBlock\":1}");
            Process process = new ProcessBuilder(List.of("bash", Repo.path("scripts/smoke-test.sh").toString(),
                    "http://127.0.0.1:" + server.getAddress().getPort(), deployment.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int exit = process.waitFor();
            return new Result(exit, Files.readString(log));
        } finally {
            server.stop(0);
            Files.delete(deployment);
            Files.delete(log);
        }
    }

    static void serve(HttpServer server, String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    static String chain(String rpcUrl) {
        return "{\"chainId\":84532,\"chainName\":\"Base Sepolia\",\"rpcUrl\":" + rpcUrl + ",\"ticketNft\":\"" + NFT
                + "\",\"paymentProcessor\":\"" + PROCESSOR + "\",\"confirmations\":3,\"headBlock\":7}";
    }

    @Test
    void passesARelease() throws Exception {
        Result result = smoke(chain("\"https://sepolia.base.org\""));
        assertThat(result.output()).contains("smoke test: ok (version 0.1.0-SNAPSHOT, chain 84532, head block 7");
        assertThat(result.exit()).isZero();
    }

    @Test
    void failsAReleaseThatGivesWalletsNoRpcUrl() throws Exception {
        for (String missing : List.of("null", "\"\"")) {
            Result result = smoke(chain(missing));
            assertThat(result.output()).contains("smoke test: FAIL /api/chain has no rpcUrl", "ECHAIN_PUBLIC_RPC_URL");
            assertThat(result.exit()).isEqualTo(1);
        }
    }
}
