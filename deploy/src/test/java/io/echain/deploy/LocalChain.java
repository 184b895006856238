package io.echain.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Anvil (the platform binary from contracts/node_modules) with the contracts deployed by the project's
 * deploy script, the way a real deployment runs it ({@code forge script script/Deploy.s.sol --broadcast}).
 */
final class LocalChain implements AutoCloseable {

    /** Anvil's well-known development keys 0 and 9 (public; never use them elsewhere). */
    static final String KEY0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String ADDRESS0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    static final String KEY9 = "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Process anvil;
    final String rpcUrl;
    final long chainId;
    JsonNode deployment;

    private LocalChain(Process anvil, String rpcUrl, long chainId) {
        this.anvil = anvil;
        this.rpcUrl = rpcUrl;
        this.chainId = chainId;
    }

    static Path contracts() {
        return Repo.path("contracts");
    }

    static Path tool(String name) {
        Path binary = contracts().resolve("node_modules/@foundry-rs/" + name + "-linux-amd64/bin/" + name);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("No " + name + " at " + binary + ": build the contracts module first");
        }
        return binary;
    }

    /** Starts Anvil with the given chain id on a free port (a block per transaction). */
    static LocalChain start(long chainId) throws IOException, InterruptedException {
        int port = freePort();
        Process process = new ProcessBuilder(tool("anvil").toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--chain-id", Long.toString(chainId), "--silent")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        LocalChain chain = new LocalChain(process, "http://127.0.0.1:" + port, chainId);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                chain.rpc("eth_chainId", "[]");
                return chain;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    chain.close();
                    throw new IllegalStateException("Anvil did not start on " + chain.rpcUrl);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Runs the deploy script with Anvil key 9 as deployer and key 0 as operator; returns the deployment JSON. */
    JsonNode deploy() throws IOException, InterruptedException {
        return deploy(ADDRESS0);
    }

    /** Runs the deploy script with Anvil key 9 as deployer and the given operator; returns the deployment JSON. */
    JsonNode deploy(String operator) throws IOException, InterruptedException {
        String out = "deployments/deploy-check-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".json";
        Path log = Files.createTempFile("echain-deploy", ".log");
        ProcessBuilder builder = new ProcessBuilder(tool("forge").toString(), "script", "script/Deploy.s.sol",
                "--rpc-url", rpcUrl, "--broadcast", "--private-key", KEY9)
                .directory(contracts().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("OPERATOR", operator, "DEPLOYMENT_OUT", out,
                "BASE_URI", "http://localhost:8080/api/tickets/"));
        run(builder, log, Duration.ofMinutes(5));
        Path file = contracts().resolve(out);
        try {
            deployment = JSON.readTree(file.toFile());
            return deployment;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(log);
        }
    }

    String ticketNft() {
        return deployment.get("ticketNft").asString();
    }

    String paymentProcessor() {
        return deployment.get("paymentProcessor").asString();
    }

    long deploymentBlock() {
        return deployment.get("deploymentBlock").asLong();
    }

    /**
     * The backend's settings for this chain, as the environment variables production uses. A local Anvil's URL
     * carries no key, so it is the wallets' public RPC URL too.
     */
    Map<String, String> backendEnvironment() {
        return Map.of("ECHAIN_RPC_URL", rpcUrl, "ECHAIN_PUBLIC_RPC_URL", rpcUrl, "ECHAIN_CHAIN_ID", Long.toString(chainId),
                "ECHAIN_TICKET_NFT", ticketNft(), "ECHAIN_PAYMENT_PROCESSOR", paymentProcessor(),
                "ECHAIN_DEPLOYMENT_BLOCK", Long.toString(deploymentBlock()), "ECHAIN_OPERATOR_KEY", KEY0);
    }

    JsonNode rpc(String method, String params) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"))
                    .build();
            JsonNode response = JSON.readTree(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
            if (response.hasNonNull("error")) {
                throw new IllegalStateException(method + " failed: " + response.get("error"));
            }
            return response.get("result");
        } catch (java.net.ConnectException e) {
            throw new IOException(e);
        }
    }

    static String run(ProcessBuilder builder, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            // SIGTERM first: the scripts' traps stop the servers they started (pg_ctl daemonizes PostgreSQL, so it
            // is not a descendant); then whatever is left.
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            throw new IllegalStateException(String.join(" ", builder.command()) + " timed out:\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " exited with "
                    + process.exitValue() + ":\n" + tail(log));
        }
        return Files.readString(log);
    }

    static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void stop(Process process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(anvil);
    }
}
