package io.echain.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image Jib wrote to backend/target/jib-image.tar: its configuration, and the application started from the
 * image's own layers (unpacked into a root filesystem, the entrypoint run in it with chroot as the image's user)
 * against a real PostgreSQL and a local Anvil with the contracts deployed, configured only by environment variables
 * as in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageTest {

    static final Path IMAGE = Repo.path("backend/target/jib-image.tar");
    static final JsonMapper JSON = JsonMapper.builder().build();

    Path unpacked;
    JsonNode config;
    Path rootfs;

    @BeforeAll
    void unpack() throws Exception {
        assertThat(IMAGE).as("run `mvn verify` (backend builds the image in its verify phase)").exists();
        unpacked = Files.createTempDirectory("echain-image");
        exec(List.of("tar", "-xf", IMAGE.toString(), "-C", unpacked.toString()));
        JsonNode manifest = JSON.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
        config = JSON.readTree(unpacked.resolve(manifest.get("Config").asString()).toFile());
        rootfs = unpacked.resolve("rootfs");
        Files.createDirectories(rootfs);
        for (JsonNode layer : manifest.get("Layers")) {
            exec(List.of("tar", "-xzf", unpacked.resolve(layer.asString()).toString(), "-C", rootfs.toString()));
        }
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (unpacked != null) {
            exec(List.of("rm", "-rf", unpacked.toString()));
        }
    }

    @Test
    void declaresANonRootUserContainerJvmFlagsPortsHealthAndProvenance() throws Exception {
        JsonNode c = config.get("config");
        assertThat(c.get("User").asString()).isEqualTo("65532:65532");
        List<String> entrypoint = new ArrayList<>();
        c.get("Entrypoint").forEach(e -> entrypoint.add(e.asString()));
        assertThat(entrypoint).startsWith("java").contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
                .endsWith("io.echain.EchainApplication");
        assertThat(c.get("ExposedPorts").propertyNames()).containsExactlyInAnyOrder("8080/tcp", "8081/tcp");
        JsonNode labels = c.get("Labels");
        assertThat(labels.get("org.opencontainers.image.version").asString())
                .isEqualTo(System.getProperty("echain.version"));
        String head = exec(List.of("git", "-C", Repo.root().toString(), "rev-parse", "HEAD")).trim();
        assertThat(labels.get("org.opencontainers.image.revision").asString())
                .as("the image was built from another commit than HEAD: rebuild it (mvn verify)").isEqualTo(head);
        assertThat(labels.get("io.echain.health.readiness").asString()).endsWith(":8081/actuator/health/readiness");
        assertThat(labels.get("io.echain.health").asString()).endsWith(":8080/health");
        // Layers: base runtime, then dependencies, resources and classes apart (a code change ships a small layer).
        assertThat(config.get("rootfs").get("diff_ids").size()).isGreaterThanOrEqualTo(4);
        assertThat(rootfs.resolve("opt/java/bin/java")).isExecutable();
        assertThat(rootfs.resolve("app/classes/io/echain/EchainApplication.class")).exists();
        assertThat(Files.getPosixFilePermissions(rootfs.resolve("tmp")).toString()).contains("OTHERS_WRITE");
    }

    /**
     * The web app (frontend/dist, copied into the jar's static/ by the backend's build) is in the image, with every
     * script and stylesheet its index.html loads. A backend built without the frontend module has none of it.
     */
    @Test
    void containsTheWebAppWithTheAssetsItsPageLoads() throws Exception {
        Path staticDir = rootfs.resolve("app/resources/static");
        assertThat(staticDir.resolve("index.html"))
                .as("the web app is not in the image: build the contracts and frontend modules before the backend")
                .isRegularFile();
        String index = Files.readString(staticDir.resolve("index.html"));
        assertThat(index).contains("<div id=\"root\">");
        Matcher assets = Pattern.compile("(?:src|href)=\"/(assets/[^\"]+)\"").matcher(index);
        List<String> referenced = new ArrayList<>();
        while (assets.find()) {
            referenced.add(assets.group(1));
        }
        assertThat(referenced).anyMatch(a -> a.endsWith(".js"));
        assertThat(referenced).allSatisfy(a -> assertThat(staticDir.resolve(a)).isRegularFile());
    }

    @Test
    void startsFromTheImageLayersAndAnswersHealthAgainstPostgresAndTheChain() throws Exception {
        try (Postgres postgres = Postgres.start(); LocalChain chain = LocalChain.start(84532)) {
            chain.deploy();
            int port = LocalChain.freePort();
            int management = LocalChain.freePort();
            Map<String, String> env = new HashMap<>();
            config.get("config").get("Env").forEach(e -> {
                String[] kv = e.asString().split("=", 2);
                env.put(kv[0], kv[1]);
            });
            env.putAll(chain.backendEnvironment());
            env.putAll(Map.of("ECHAIN_DB_URL", postgres.jdbcUrl(), "ECHAIN_DB_USERNAME", "postgres",
                    "ECHAIN_DB_PASSWORD", "postgres", "ECHAIN_JWT_SECRET", "image-check-" + "x".repeat(40),
                    "ECHAIN_ADMIN_ADDRESSES", LocalChain.ADDRESS0, "PORT", Integer.toString(port),
                    "MANAGEMENT_SERVER_PORT", Integer.toString(management), "JAVA_TOOL_OPTIONS", "-Xmx512m"));
            Process app = runImage(env);
            try {
                assertThat(await("http://127.0.0.1:" + management + "/actuator/health/readiness", app,
                        Duration.ofMinutes(3))).contains("\"UP\"");
                JsonNode body = JSON.readTree(get("http://127.0.0.1:" + port + "/health").body());
                assertThat(body.get("status").asString()).isEqualTo("UP");
                assertThat(body.get("version").asString()).isEqualTo(System.getProperty("echain.version"));
                assertThat(get("http://127.0.0.1:" + management + "/actuator/health/liveness").body())
                        .contains("\"UP\"");
                assertThat(get("http://127.0.0.1:" + port + "/actuator/health").statusCode())
                        .as("Actuator is only on the management port").isEqualTo(404);
                HttpResponse<String> page = get("http://127.0.0.1:" + port + "/");
                assertThat(page.statusCode()).as("the web app's page").isEqualTo(200);
                assertThat(page.body()).contains("<div id=\"root\">");
                JsonNode info = JSON.readTree(get("http://127.0.0.1:" + port + "/api/chain").body());
                assertThat(info.get("chainId").asLong()).isEqualTo(84532);
                assertThat(info.get("ticketNft").asString()).isEqualToIgnoringCase(chain.ticketNft());
                assertThat(info.get("paymentProcessor").asString()).isEqualToIgnoringCase(chain.paymentProcessor());
                assertThat(info.get("rpcUrl").asString()).isEqualTo(chain.backendEnvironment().get("ECHAIN_PUBLIC_RPC_URL"));

                // The release pipeline's smoke test passes against it, and fails on another deployment's addresses.
                Path deployment = Files.createTempFile("deployment", ".json");
                Files.writeString(deployment, chain.deployment.toString());
                assertThat(exec(List.of("bash", Repo.path("scripts/smoke-test.sh").toString(),
                        "http://127.0.0.1:" + port, deployment.toString()))).contains("smoke test: ok");
                Files.writeString(deployment, chain.deployment.toString().replace(chain.ticketNft(),
                        "0x000000000000000000000000000000000000dEaD"));
                assertThat(smokeFailure("http://127.0.0.1:" + port, deployment))
                        .contains("ticketNft is " + info.get("ticketNft").asString());
                Files.delete(deployment);

                ProcessHandle java = app.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                        .findFirst().orElseThrow();
                String status = Files.readString(Path.of("/proc/" + java.pid() + "/status"));
                assertThat(status).containsPattern("(?m)^Uid:\\s+65532\\s");

                // SIGTERM (what the kubelet sends after preStop): graceful shutdown, then exit within the grace period.
                long start = System.nanoTime();
                java.destroy();
                assertThat(java.onExit().get(40, TimeUnit.SECONDS).isAlive()).isFalse();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            } finally {
                LocalChain.stop(app);
            }
        }
    }

    /**
     * The image's entrypoint in its own root filesystem: a private mount namespace gets /dev, /proc and /etc/hosts
     * as a container runtime provides them, then chroot switches to the image's user.
     */
    Process runImage(Map<String, String> env) throws IOException {
        JsonNode c = config.get("config");
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/hosts"), "");
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--fork", "--kill-child=SIGTERM",
                "sh", "-c", "set -e; r=$1; u=$2; shift 2; image_path=$PATH; PATH=/usr/sbin:/sbin:/usr/bin:/bin;"
                        + " mount --rbind /dev \"$r/dev\"; mount --rbind /proc \"$r/proc\";"
                        + " mount --bind /etc/hosts \"$r/etc/hosts\"; c=$(command -v chroot);"
                        + " PATH=$image_path exec \"$c\" --userspec=\"$u\" \"$r\" \"$@\"",
                "run-image", rootfs.toString(), c.get("User").asString()));
        c.get("Entrypoint").forEach(e -> command.add(e.asString()));
        Path log = Files.createTempFile("echain-image-run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        logs.put(process, log);
        return process;
    }

    final Map<Process, Path> logs = new HashMap<>();

    String await(String url, Process app, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited:\n" + LocalChain.tail(logs.get(app)));
            }
            try {
                HttpResponse<String> response = get(url);
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(url + " did not answer 200 in " + timeout + ":\n" + LocalChain.tail(logs.get(app)));
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    static String smokeFailure(String url, Path deployment) throws IOException, InterruptedException {
        Path log = Files.createTempFile("smoke", ".log");
        Process process = new ProcessBuilder("bash", Repo.path("scripts/smoke-test.sh").toString(), url,
                deployment.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor()).isEqualTo(1);
        String out = Files.readString(log);
        Files.delete(log);
        return out;
    }

    static String exec(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("echain-exec", ".log");
        try {
            return LocalChain.run(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()),
                    log, Duration.ofMinutes(2));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
