package io.echain.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The scrubber {@link SentryConfiguration} builds from the configuration removes every configured secret from an
 * event: the node's RPC URL (whole, or only the part that carries the provider's key), the JWT secret, the database
 * password and the Redis password, wherever the event carries text.
 */
class SentryScrubberTest {

    static final String RPC_KEY = "k3yOfTheRpcProvider0123456789";
    static final String RPC_URL = "https://base-mainnet.provider.example/v2/" + RPC_KEY;
    static final String JWT_SECRET = "jwt-secret-of-production-0123456789-abcdefgh";
    static final String DB_PASSWORD = "db-password-0123456789";
    static final String REDIS_PASSWORD = "redis-password-0123456789";

    static SentryScrubber scrubber() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("echain.chain.rpc-url", RPC_URL)
                .withProperty("echain.identity.jwt-secret", JWT_SECRET)
                .withProperty("spring.datasource.password", DB_PASSWORD)
                .withProperty("echain.redis-url", "rediss://:" + REDIS_PASSWORD + "@redis.internal:6379");
        return new SentryConfiguration().sentryScrubber(environment);
    }

    @Test
    void anEventHoldingTheRpcUrlOrItsKeyLeavesWithoutThem() {
        SentryEvent event = new SentryEvent();
        Message message = new Message();
        message.setMessage("eth_getLogs to " + RPC_URL + " failed");
        message.setFormatted("eth_getLogs to " + RPC_URL + " failed");
        event.setMessage(message);
        SentryException exception = new SentryException();
        exception.setValue("Invalid response received: 429; POST /v2/" + RPC_KEY);
        event.setExceptions(List.of(exception));
        event.setTag("node", RPC_URL);
        event.setExtra("request", "url=" + RPC_URL + "?attempt=2");
        event.addBreadcrumb(new Breadcrumb("calling " + RPC_URL));
        event.getContexts().put("MDC", new HashMap<>(Map.of("rpc", RPC_URL)));

        SentryEvent sent = scrubber().execute(event, new Hint());

        String text = String.join(
                "\n",
                sent.getMessage().getMessage(),
                sent.getMessage().getFormatted(),
                sent.getExceptions().get(0).getValue(),
                sent.getTag("node"),
                String.valueOf(sent.getExtra("request")),
                sent.getBreadcrumbs().get(0).getMessage(),
                String.valueOf(sent.getContexts().get("MDC")));
        assertThat(text).doesNotContain(RPC_KEY).contains(SentryScrubber.REDACTED, "eth_getLogs", "429");
    }

    @Test
    void theJwtSecretAndTheDatabaseAndRedisPasswordsAreScrubbed() {
        SentryEvent event = new SentryEvent();
        Message message = new Message();
        message.setMessage("secret " + JWT_SECRET + ", db " + DB_PASSWORD + ", redis " + REDIS_PASSWORD);
        event.setMessage(message);

        String text = scrubber().execute(event, new Hint()).getMessage().getMessage();

        assertThat(text)
                .doesNotContain(JWT_SECRET)
                .doesNotContain(DB_PASSWORD)
                .doesNotContain(REDIS_PASSWORD)
                .startsWith("secret " + SentryScrubber.REDACTED);
    }

    @Test
    void theRpcUrlPartsThatCanCarryAKeyAreSecretsTheHostAloneIsNot() {
        assertThat(SentryConfiguration.rpcUrlSecrets("https://u:p4ssw0rd-x@node.example/rpc?apikey=abcdef123456"))
                .containsExactly(
                        "https://u:p4ssw0rd-x@node.example/rpc?apikey=abcdef123456",
                        "/rpc",
                        "apikey=abcdef123456",
                        "u:p4ssw0rd-x");
        assertThat(SentryConfiguration.rpcUrlSecrets("http://127.0.0.1:8545")).containsExactly("http://127.0.0.1:8545");
        assertThat(SentryConfiguration.rpcUrlSecrets("")).isEmpty();
    }
}
