package io.echain.shared.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** Chooses the rate-limit store: Redis when {@code echain.redis-url} is set, in-memory otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimitStore rateLimitStore(@Value("${echain.redis-url:}") String redisUrl) {
        return StringUtils.hasText(redisUrl) ? new RedisRateLimitStore(redisUrl) : new InMemoryRateLimitStore();
    }
}
