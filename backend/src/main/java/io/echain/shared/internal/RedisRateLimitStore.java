package io.echain.shared.internal;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/** Buckets in Redis (Bucket4j compare-and-swap over Lettuce), so every instance shares the limits. */
class RedisRateLimitStore implements RateLimitStore, AutoCloseable {

    private static final String PREFIX = "echain:rate:";

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;

    RedisRateLimitStore(String redisUrl) {
        this.client = RedisClient.create(redisUrl);
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public Decision tryConsume(String key, RateLimitRule rule) {
        var bucket = buckets.builder().build(PREFIX + key, rule::toBucketConfiguration);
        return Decision.from(bucket.tryConsumeAndReturnRemaining(1));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
