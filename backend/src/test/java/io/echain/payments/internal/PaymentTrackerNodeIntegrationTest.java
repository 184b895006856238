package io.echain.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.echain.chain.ChainProperties;
import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import io.echain.support.ChainTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The payment tracker when the node misbehaves, behind a JSON-RPC proxy to the test JVM's Anvil: a node that goes
 * away in the middle of tracking (the pass neither throws nor loses its cursor, and the block it missed is read once
 * the node is back), and a node without {@code eth_getBlockReceipts} (the pass falls back to one receipt per payment).
 */
@ContextConfiguration(initializers = PaymentTrackerNodeIntegrationTest.ProxiedNode.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PaymentTrackerNodeIntegrationTest extends ChainTest {

    /** Points the backend at a proxy to the local Anvil. */
    static class ProxiedNode implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        static JsonRpcProxy proxy;
        static String direct;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            direct = context.getEnvironment().getProperty("echain.chain.rpc-url");
            proxy = new JsonRpcProxy(URI.create(direct));
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("proxiedNode", Map.of("echain.chain.rpc-url", proxy.url())));
            JsonRpcProxy closing = proxy;
            context.addApplicationListener((ApplicationEvent event) -> {
                if (event instanceof ContextClosedEvent) {
                    closing.stop();
                }
            });
        }
    }

    @Autowired
    PaymentTracker tracker;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void nodeBack() {
        ProxiedNode.proxy.mode = Mode.PASS;
    }

    @Test
    void anOutageStopsThePassWithItsCursorAndTheMissedBlockIsReadAfterwards() {
        long eventId = eventOnSale(organizer(), 10);
        Session buyer = sessionOf(4);
        try (AnvilRpc direct = directChain()) {
            direct.automine(false);
            try {
                String tx = chain.purchase(AnvilRpc.key(4), eventId, 1, BigInteger.ONE); // reverts once mined
                Api.Response tracked = track(buyer, tx);
                assertThat(tracked.status()).as(tracked.toString()).isEqualTo(201);
                long id = tracked.json().get("id").asLong();
                tracker.track();
                long cursor = tracker.cursor();
                assertThat(cursor).isNotNegative();

                ProxiedNode.proxy.mode = Mode.DOWN;
                direct.mine(1);
                long block = direct.blockNumber();
                assertThatCode(tracker::track).doesNotThrowAnyException();
                assertThatCode(tracker::track).doesNotThrowAnyException();
                assertThat(tracker.cursor()).as("kept through the outage").isEqualTo(cursor);
                assertThat(payment(buyer, id).get("status").asString()).isEqualTo("PENDING");

                ProxiedNode.proxy.mode = Mode.PASS;
                await("the missed block read once the node is back", () -> {
                    tracker.track();
                    return payment(buyer, id).get("status").asString().equals("FAILED");
                });
                JsonNode failed = payment(buyer, id);
                assertThat(failed.get("failureReason").asString()).isEqualTo("reverted");
                assertThat(failed.get("blockNumber").asLong()).isEqualTo(block);
                assertThat(tracker.cursor()).isGreaterThanOrEqualTo(block);
            } finally {
                ProxiedNode.proxy.mode = Mode.PASS;
                direct.automine(true);
            }
        }
    }

    @Test
    void aNodeWithoutBlockReceiptsIsAskedForEachPaymentsReceiptInstead() {
        long eventId = eventOnSale(organizer(), 10);
        Session buyer = sessionOf(5);
        chain.automine(false);
        try {
            String tx = chain.purchase(AnvilRpc.key(5), eventId, 1, BigInteger.ONE); // reverts once mined
            Api.Response tracked = track(buyer, tx);
            assertThat(tracked.status()).as(tracked.toString()).isEqualTo(201);
            long id = tracked.json().get("id").asLong();
            tracker.track(); // the cursor known: the next pass reads blocks

            ProxiedNode.proxy.mode = Mode.NO_BLOCK_RECEIPTS;
            int refusedBefore = ProxiedNode.proxy.refused.get();
            double receiptsBefore = calls("eth_getTransactionReceipt");
            chain.mine(1);
            assertThatCode(tracker::track).doesNotThrowAnyException();

            assertThat(ProxiedNode.proxy.refused.get() - refusedBefore)
                    .as("eth_getBlockReceipts was tried")
                    .isPositive();
            assertThat(calls("eth_getTransactionReceipt") - receiptsBefore)
                    .as("then each payment's receipt")
                    .isPositive();
            JsonNode failed = payment(buyer, id);
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("failureReason").asString()).isEqualTo("reverted");
            assertThatCode(tracker::track).doesNotThrowAnyException();
        } finally {
            ProxiedNode.proxy.mode = Mode.PASS;
            chain.automine(true);
        }
    }

    private double calls(String method) {
        Counter counter =
                meters.find("echain.chain.rpc.calls").tag("method", method).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The local Anvil without the proxy, to mine while the backend's node is away. */
    private AnvilRpc directChain() {
        Map<String, Object> direct = Map.of(
                "echain.chain.rpc-url",
                ProxiedNode.direct,
                "echain.chain.chain-id",
                chainProperties.chainId(),
                "echain.chain.ticket-nft",
                chainProperties.ticketNft(),
                "echain.chain.payment-processor",
                chainProperties.paymentProcessor());
        return new AnvilRpc(new Binder(new MapConfigurationPropertySource(direct))
                .bind("echain.chain", ChainProperties.class)
                .get());
    }

    enum Mode {
        /** Every call reaches Anvil. */
        PASS,
        /** Every call is answered 502, as a node (or its provider) that went away. */
        DOWN,
        /** {@code eth_getBlockReceipts} is answered "method not found", as by a node without it. */
        NO_BLOCK_RECEIPTS
    }

    /** A loopback HTTP proxy in front of the node's JSON-RPC endpoint. */
    static final class JsonRpcProxy {

        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+|\"[^\"]*\")");

        private final URI target;
        private final HttpServer server;
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        volatile Mode mode = Mode.PASS;
        final AtomicInteger refused = new AtomicInteger();

        JsonRpcProxy(URI target) {
            this.target = target;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
            http.close();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Mode now = mode;
                if (now == Mode.DOWN) {
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
                String text = new String(body, StandardCharsets.UTF_8).strip();
                if (now == Mode.NO_BLOCK_RECEIPTS
                        && text.startsWith("{")
                        && text.contains("\"eth_getBlockReceipts\"")) {
                    refused.incrementAndGet();
                    Matcher id = ID.matcher(text);
                    respond(
                            exchange,
                            200,
                            ("{\"jsonrpc\":\"2.0\",\"id\":" + (id.find() ? id.group(1) : "null")
                                            + ",\"error\":{\"code\":-32601,\"message\":"
                                            + "\"the method eth_getBlockReceipts does not exist/is not available\"}}")
                                    .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                HttpResponse<byte[]> answer = http.send(
                        HttpRequest.newBuilder(target)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                respond(exchange, answer.statusCode(), answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        }

        private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }
}
