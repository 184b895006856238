package io.echain.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.EmbeddedRedis;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both stores behave the same; the Redis one is shared between instances. */
class RateLimitStoreContractTest {

    private static RateLimitStore store(String kind) {
        return kind.equals("redis") ? new RedisRateLimitStore(EmbeddedRedis.url()) : new InMemoryRateLimitStore();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void allowsCapacityThenTellsHowLongToWait(String kind) {
        RateLimitStore store = store(kind);
        RateLimitRule rule = new RateLimitRule(3, Duration.ofMinutes(1));
        String key = "test:" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(store.tryConsume(key, rule).allowed()).isTrue();
        }
        RateLimitStore.Decision denied = store.tryConsume(key, rule);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfterSeconds()).isBetween(1L, 20L);
        assertThat(store.tryConsume("test:" + UUID.randomUUID(), rule).allowed())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "redis"})
    void refillsOverTime(String kind) throws InterruptedException {
        RateLimitStore store = store(kind);
        RateLimitRule rule = new RateLimitRule(1, Duration.ofMillis(500));
        String key = "test:" + UUID.randomUUID();
        assertThat(store.tryConsume(key, rule).allowed()).isTrue();
        assertThat(store.tryConsume(key, rule).allowed()).isFalse();
        Thread.sleep(600);
        assertThat(store.tryConsume(key, rule).allowed()).isTrue();
    }

    @Test
    void redisBucketsAreSharedBetweenInstances() {
        try (RedisRateLimitStore first = new RedisRateLimitStore(EmbeddedRedis.url());
                RedisRateLimitStore second = new RedisRateLimitStore(EmbeddedRedis.url())) {
            RateLimitRule rule = new RateLimitRule(2, Duration.ofMinutes(1));
            String key = "test:" + UUID.randomUUID();
            assertThat(first.tryConsume(key, rule).allowed()).isTrue();
            assertThat(second.tryConsume(key, rule).allowed()).isTrue();
            assertThat(first.tryConsume(key, rule).allowed()).isFalse();
            assertThat(second.tryConsume(key, rule).allowed()).isFalse();
        }
    }
}
