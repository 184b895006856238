package io.echain.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.echain.shared.ServiceUnavailable;
import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import io.echain.support.SiweMessages;
import io.echain.support.Wallet;
import io.sentry.Sentry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Sentry and production logs, against a local HTTP receiver standing in for Sentry's ingestion endpoint: 5xx
 * answers and unhandled errors arrive as events with release and environment, 4xx answers never do, and no access
 * token, signature or configured secret is in what arrives. Logs are JSON lines, and every line of a request
 * carries its request id and trace id.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            ApiIntegrationTest.ACTUATOR_ON_APP_PORT,
            "sentry.environment=integration-test",
            "logging.structured.format.console=ecs"
        })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ErrorReportingIntegrationTest extends ApiIntegrationTest {

    private static final String SIGNATURE = "0x" + "ab".repeat(65);
    private static final List<JsonNode> EVENTS = Collections.synchronizedList(new ArrayList<>());
    private static final HttpServer SENTRY = receiver();

    @Value("${echain.chain.operator-key}")
    String operatorKey;

    @DynamicPropertySource
    static void sentry(DynamicPropertyRegistry registry) {
        registry.add(
                "sentry.dsn",
                () -> "http://publickey@127.0.0.1:" + SENTRY.getAddress().getPort() + "/42");
    }

    @AfterAll
    static void stopReceiver() {
        SENTRY.stop(0);
    }

    @TestConfiguration
    static class FailingEndpoints {
        @Bean
        Failing failing(@Value("${echain.chain.operator-key}") String key) {
            return new Failing(key);
        }
    }

    @RestController
    static class Failing {
        private final String key;

        Failing(String key) {
            this.key = key;
        }

        @GetMapping("/test/unhandled")
        String unhandled() {
            throw new IllegalStateException(
                    "Boom while holding Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIweDEyMyJ9.c2lnbmF0dXJl" + ", signature "
                            + SIGNATURE + " and key " + key);
        }

        @GetMapping("/test/unavailable")
        String unavailable() {
            throw new ServiceUnavailable("The chain node cannot be reached", 5);
        }
    }

    @Test
    void reportsUnhandledErrorsAnd5xxWithReleaseAndEnvironmentButNo4xxAndNoSecrets(CapturedOutput output)
            throws Exception {
        String token = admin().token();
        // 4xx: not found, unauthorized, a rejected sign-in, a validation error.
        assertThat(api.get("/api/events/987654321").status()).isEqualTo(404);
        assertThat(api.get("/api/me", "not-a-token").status()).isEqualTo(401);
        String message = SiweMessages.valid(Wallet.random(), nonce()).text();
        assertThat(verify(message, SIGNATURE).status()).isEqualTo(401);
        assertThat(api.call("POST", "/api/events")
                        .token(token)
                        .json(Map.of("name", ""))
                        .send()
                        .status())
                .isEqualTo(400);
        Sentry.flush(5_000);
        assertThat(EVENTS).as("no event for 4xx answers").isEmpty();

        Api.Response failed = api.call("GET", "/test/unhandled")
                .token(token)
                .header("Cookie", "session=" + token)
                .header("X-Request-Id", "req-unhandled-1")
                .send();
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("Boom");
        assertThat(failed.header("X-Request-Id")).hasValue("req-unhandled-1");
        assertThat(api.get("/test/unavailable").status()).isEqualTo(503);
        Sentry.flush(5_000);
        awaitEvents(2);

        JsonNode unhandled = EVENTS.stream()
                .filter(e -> e.toString().contains("IllegalStateException"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event for the 500: " + EVENTS));
        assertThat(unhandled.get("level").asString()).isEqualTo("error");
        assertThat(unhandled.get("environment").asString()).isEqualTo("integration-test");
        assertThat(unhandled.get("release").asString()).startsWith("echain-backend@");
        JsonNode unavailable = EVENTS.stream()
                .filter(e -> e.toString().contains("ServiceUnavailable"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event for the 503: " + EVENTS));
        assertThat(unavailable.get("level").asString()).isEqualTo("warning");
        assertThat(unavailable.get("tags").get("http.status_code").asString()).isEqualTo("503");
        assertThat(EVENTS.stream()
                        .filter(e -> e.toString().contains("IllegalStateException"))
                        .count())
                .as("one event per error, though it is both logged and answered")
                .isEqualTo(1);

        String everything = EVENTS.toString();
        assertThat(everything).contains("Boom while holding").contains(SentryScrubberText.REDACTED);
        assertThat(everything)
                .doesNotContain(token)
                .doesNotContain("eyJhbGciOiJIUzI1NiJ9")
                .doesNotContain(SIGNATURE.substring(2))
                .doesNotContain(operatorKey.substring(2))
                .doesNotContain("session=");

        // Production logs: one JSON object per line; the request's lines carry its request id and a trace id.
        List<JsonNode> requestLines = output.getOut()
                .lines()
                .filter(l -> l.startsWith("{"))
                .map(l -> Api.JSON.readTree(l))
                .filter(j -> "req-unhandled-1".equals(j.path("requestId").asString(null)))
                .toList();
        assertThat(requestLines).as("log lines of the failing request").isNotEmpty();
        assertThat(requestLines).allSatisfy(line -> {
            assertThat(line.path("traceId").asString("")).matches("[0-9a-f]{16,32}");
            assertThat(line.path("@timestamp").isMissingNode()).isFalse();
        });
        assertThat(requestLines.toString()).contains("Unexpected error");
    }

    private static void awaitEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (EVENTS.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(EVENTS).hasSizeGreaterThanOrEqualTo(count);
    }

    /** A stand-in for Sentry: accepts envelopes and keeps the events in them. */
    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
                if ("gzip".equalsIgnoreCase(encoding)) {
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                        body = in.readAllBytes();
                    }
                }
                if (exchange.getRequestURI().getPath().endsWith("/envelope/")) {
                    List<String> lines =
                            new String(body, StandardCharsets.UTF_8).lines().toList();
                    for (int i = 1; i + 1 < lines.size(); i += 2) {
                        try {
                            if ("event"
                                    .equals(Api.JSON
                                            .readTree(lines.get(i))
                                            .path("type")
                                            .asString(""))) {
                                EVENTS.add(Api.JSON.readTree(lines.get(i + 1)));
                            }
                        } catch (RuntimeException notJson) {
                            // an item this test does not read (a client report, an attachment)
                        }
                    }
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The scrubber's marker (package-private in ops.internal). */
    private static final class SentryScrubberText {
        static final String REDACTED = "[redacted]";
    }
}
