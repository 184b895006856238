package io.echain.shared.internal;

/**
 * Token buckets by key. Implementations: in-process (one instance) or Redis (limits shared by every
 * instance); {@code echain.redis-url} chooses.
 */
interface RateLimitStore {

    /** Takes one token from the bucket {@code key} sized by {@code rule}; creates the bucket full if new. */
    Decision tryConsume(String key, RateLimitRule rule);

    record Decision(boolean allowed, long retryAfterSeconds) {

        static Decision from(io.github.bucket4j.ConsumptionProbe probe) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            return new Decision(probe.isConsumed(), probe.isConsumed() ? 0 : seconds);
        }
    }
}
