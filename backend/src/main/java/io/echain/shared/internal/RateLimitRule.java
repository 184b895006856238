package io.echain.shared.internal;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/** {@code capacity} requests per {@code period}, refilled greedily. */
record RateLimitRule(long capacity, Duration period) {

    BucketConfiguration toBucketConfiguration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
    }
}
