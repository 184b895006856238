package io.echain.dev.internal;

import io.echain.dev.DevKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Anvil from {@code contracts/node_modules} with the contracts deployed by the project's deploy script
 * ({@code forge script script/Deploy.s.sol --broadcast}). One node per JVM and configuration (every test context
 * shares it), stopped at JVM exit. With a state directory the chain is dumped there and reloaded on the next start,
 * so a dev database and its chain stay in step; the contracts are then not deployed again.
 *
 * <p>Accounts: {@link DevKeys}.
 */
final class LocalAnvil {

    private static final Logger log = LoggerFactory.getLogger(LocalAnvil.class);
    private static final Map<Options, Node> NODES = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalAnvil() {}

    /**
     * @param contractsDir the Foundry project (holds bin/anvil, bin/forge and script/Deploy.s.sol)
     * @param chainId chain id of the node
     * @param blockTime seconds between blocks, 0 for a block per transaction (automine)
     * @param port preferred port (a free one instead, with a warning, if it is taken), 0 for any free one
     * @param stateDir where the chain is kept across restarts, null for a fresh chain
     * @param baseUri the token URI base the contract is deployed with
     */
    record Options(Path contractsDir, long chainId, int blockTime, int port, Path stateDir, String baseUri) {}

    /** A running node with the contracts deployed. */
    record Node(String rpcUrl, long chainId, String ticketNft, String paymentProcessor, long deploymentBlock) {}

    static Node start(Options options) {
        return NODES.computeIfAbsent(options, LocalAnvil::launch);
    }

    private static Node launch(Options options) {
        Path dir = options.contractsDir().toAbsolutePath().normalize();
        // bin/anvil and bin/forge exec the platform binary from node_modules (the npm launchers lose exit codes).
        Path anvil = dir.resolve("bin/anvil");
        if (!Files.isExecutable(anvil)) {
            throw new IllegalStateException("No Anvil at " + anvil + ": run contracts/scripts/install.sh (or the Maven"
                    + " build) first, or set echain.chain.local-anvil.enabled=false and configure a node");
        }
        try {
            int port = options.port() > 0 && isFree(options.port()) ? options.port() : freePort();
            if (options.port() > 0 && port != options.port()) {
                log.warn(
                        "Port {} is taken: the local Anvil listens on {} instead; a wallet's custom network"
                                + " for http://127.0.0.1:{} will not reach it until the port is free again",
                        options.port(),
                        port,
                        options.port());
            }
            List<String> command = new ArrayList<>(List.of(
                    anvil.toString(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--chain-id",
                    Long.toString(options.chainId()),
                    "--silent"));
            if (options.blockTime() > 0) {
                command.addAll(List.of("--block-time", Integer.toString(options.blockTime())));
            }
            Path state = null;
            if (options.stateDir() != null) {
                Files.createDirectories(options.stateDir());
                state = options.stateDir().toAbsolutePath().resolve("state.json");
                command.addAll(List.of("--state", state.toString(), "--state-interval", "5"));
            }
            Path logFile = Files.createTempFile("echain-anvil", ".log");
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "anvil-stop"));
            String rpcUrl = "http://127.0.0.1:" + port;
            awaitReady(rpcUrl, process, logFile);

            Path saved = options.stateDir() == null ? null : options.stateDir().resolve("deployment.json");
            JsonNode deployment = saved != null && Files.exists(saved) ? JSON.readTree(saved.toFile()) : null;
            if (deployment == null
                    || !hasCode(rpcUrl, deployment.get("ticketNft").asString())) {
                deployment = deploy(dir, rpcUrl, options);
                if (saved != null) {
                    Files.writeString(saved, deployment.toPrettyString());
                }
            }
            Node node = new Node(
                    rpcUrl,
                    deployment.get("chainId").asLong(),
                    deployment.get("ticketNft").asString(),
                    deployment.get("paymentProcessor").asString(),
                    deployment.get("deploymentBlock").asLong());
            log.info(
                    "Local Anvil on {} (chain {}, pid {}): EventTicketNFT {}, PaymentProcessor {}",
                    rpcUrl,
                    node.chainId(),
                    process.pid(),
                    node.ticketNft(),
                    node.paymentProcessor());
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local Anvil", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the local Anvil", e);
        }
    }

    /** Runs the project's deploy script against the node and returns the deployment JSON it wrote. */
    private static JsonNode deploy(Path dir, String rpcUrl, Options options) throws IOException, InterruptedException {
        // Deploy.s.sol may only write under contracts/deployments (foundry.toml fs_permissions).
        Path out = dir.resolve("deployments/local-anvil-"
                + ProcessHandle.current().pid() + "-" + rpcUrl.substring(rpcUrl.lastIndexOf(':') + 1) + ".json");
        Path forge = dir.resolve("bin/forge");
        Path logFile = Files.createTempFile("echain-deploy", ".log");
        String ownerKey = DevKeys.privateKey(DevKeys.OWNER);
        ProcessBuilder builder = new ProcessBuilder(
                        forge.toString(),
                        "script",
                        "script/Deploy.s.sol",
                        "--rpc-url",
                        rpcUrl,
                        "--broadcast",
                        "--private-key",
                        ownerKey)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment()
                .putAll(Map.of(
                        "PRIVATE_KEY",
                        ownerKey,
                        "OPERATOR",
                        DevKeys.address(DevKeys.OPERATOR),
                        "BASE_URI",
                        options.baseUri(),
                        "DEPLOYMENT_OUT",
                        dir.relativize(out).toString()));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.exists(out)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "Deploying the contracts to the local Anvil failed:\n" + tail(Files.readString(logFile)));
        }
        try {
            JsonNode deployment = JSON.readTree(out.toFile());
            Files.deleteIfExists(logFile);
            return deployment;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void awaitReady(String rpcUrl, Process process, Path logFile)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Anvil exited:\n" + tail(Files.readString(logFile)));
            }
            try {
                rpc(rpcUrl, "eth_chainId", "[]");
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Anvil did not answer on " + rpcUrl + " within 30 s");
    }

    private static boolean hasCode(String rpcUrl, String address) throws IOException, InterruptedException {
        String code =
                rpc(rpcUrl, "eth_getCode", "[\"" + address + "\",\"latest\"]").asString();
        return code.length() > 2;
    }

    static JsonNode rpc(String rpcUrl, String method, String params) throws IOException, InterruptedException {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"))
                    .build();
            JsonNode response = JSON.readTree(
                    client.send(request, HttpResponse.BodyHandlers.ofString()).body());
            if (response.hasNonNull("error")) {
                throw new IOException(method + " failed: " + response.get("error"));
            }
            return response.get("result");
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
