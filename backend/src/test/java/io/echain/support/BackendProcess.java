package io.echain.support;

import io.echain.dev.internal.ClusterChain;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The backend as a separate operating-system process (the test JVM's class path, production configuration from
 * environment variables, its own application and management ports), so a test can kill it with SIGKILL as a
 * crash would.
 */
public final class BackendProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private BackendProcess(String name, Process process, int port, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** JVM options for tests: a small heap and a quick start (C1 only), not for measuring throughput. */
    public static final List<String> TEST_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** Starts the backend with {@code environment} on top of fresh PORT and ECHAIN_MANAGEMENT_PORT. */
    /**
     * Production settings of an instance on the given database, Redis and local chain, as the cluster test and the
     * cluster benchmark start theirs (each adds its own pool size, rate limits and headers).
     */
    public static Map<String, String> productionEnvironment(
            String jdbcUrl,
            String dbUser,
            String dbPassword,
            String redisUrl,
            String jwtSecret,
            ClusterChain.Node chain) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ECHAIN_DB_URL", jdbcUrl);
        env.put("ECHAIN_DB_USERNAME", dbUser);
        env.put("ECHAIN_DB_PASSWORD", dbPassword);
        env.put("ECHAIN_REDIS_URL", redisUrl);
        env.put("ECHAIN_JWT_SECRET", jwtSecret);
        env.put("ECHAIN_ADMIN_ADDRESSES", Wallet.ADMIN.lower());
        env.put("ECHAIN_SIWE_DOMAIN", SiweMessages.DOMAIN);
        env.put("ECHAIN_SIWE_URI", SiweMessages.URI);
        env.put("ECHAIN_CHAIN_ID", Long.toString(chain.chainId()));
        env.put("ECHAIN_RPC_URL", chain.rpcUrl());
        env.put("ECHAIN_TICKET_NFT", chain.ticketNft());
        env.put("ECHAIN_PAYMENT_PROCESSOR", chain.paymentProcessor());
        env.put("ECHAIN_DEPLOYMENT_BLOCK", Long.toString(chain.deploymentBlock()));
        env.put("ECHAIN_OPERATOR_KEY", chain.operatorKey());
        env.put("ECHAIN_INDEXER_POLL_INTERVAL", "200ms");
        env.put("LOGGING_LEVEL_ROOT", "WARN");
        env.put("LOGGING_LEVEL_IO_ECHAIN", "INFO");
        return env;
    }

    public static BackendProcess start(String name, Map<String, String> environment, String... arguments) {
        return start(name, TEST_JVM, environment, arguments);
    }

    public static BackendProcess start(
            String name, List<String> jvmOptions, Map<String, String> environment, String... arguments) {
        try {
            int port = freePort();
            int managementPort = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", classPath, "io.echain.EchainApplication"));
            command.addAll(List.of(arguments));
            Path log = Files.createTempFile("echain-" + name, ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.putAll(environment);
            env.put("PORT", Integer.toString(port));
            env.put("ECHAIN_MANAGEMENT_PORT", Integer.toString(managementPort));
            Process process = builder.start();
            BackendProcess started = new BackendProcess(name, process, port, managementPort, log);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Api api() {
        return new Api(port);
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until readiness answers 200 on the management port. */
    public BackendProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + logTail());
    }

    /** Series name with labels (as Prometheus prints them) to value, scraped from the management port now. */
    public Map<String, Double> scrape() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, Double> series = new HashMap<>();
            for (String line : response.body().split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                try {
                    series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                } catch (NumberFormatException ignored) {
                    // a value Prometheus text allows but Java does not parse; not one the tests read
                }
            }
            return series;
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** The value of series {@code name} with all of {@code labels} (e.g. {@code role="outbox"}); empty if none. */
    public OptionalDouble metric(String name, String... labels) {
        return scrape().entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> java.util.Arrays.stream(labels)
                        .allMatch(label -> e.getKey().contains(label)))
                .mapToDouble(Map.Entry::getValue)
                .findFirst();
    }

    public boolean leads(String role) {
        return metric("echain_leader", "role=\"" + role + "\"").orElse(0) == 1.0;
    }

    /** SIGKILL, as a crash or the OOM killer would end it: no shutdown hook, no lock released by the process. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
