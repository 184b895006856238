package io.echain.shared.internal;

import io.echain.shared.RateLimitPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code echain.rate-limit.<policy>.per-ip / per-user / period}: requests allowed per period from one IP
 * address and from one signed-in user.
 */
@ConfigurationProperties("echain.rate-limit")
record RateLimitProperties(Map<RateLimitPolicy, Limits> policies) {

    RateLimitProperties {
        policies = policies == null ? new EnumMap<>(RateLimitPolicy.class) : new EnumMap<>(policies);
        policies.putIfAbsent(RateLimitPolicy.SIGN_IN, new Limits(20, 20, Duration.ofMinutes(1)));
        policies.putIfAbsent(RateLimitPolicy.WRITE, new Limits(120, 60, Duration.ofMinutes(1)));
        policies.putIfAbsent(RateLimitPolicy.ESTIMATE, new Limits(60, 30, Duration.ofMinutes(1)));
        policies.putIfAbsent(RateLimitPolicy.CHECKIN, new Limits(6_000, 300, Duration.ofMinutes(1)));
    }

    record Limits(long perIp, long perUser, Duration period) {}

    Limits limits(RateLimitPolicy policy) {
        return policies.get(policy);
    }
}
