package io.echain.shared.internal;

import io.echain.shared.RateLimitExceeded;
import io.echain.shared.RateLimitPolicy;
import io.echain.shared.RateLimited;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Applies {@link RateLimited} policies: one bucket per client IP and one per signed-in user. */
@Component
class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimitStore store;
    private final RateLimitProperties properties;
    private final MeterRegistry meters;

    RateLimitInterceptor(RateLimitStore store, RateLimitProperties properties, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.meters = meters;
        for (RateLimitPolicy policy : RateLimitPolicy.values()) {
            rejections(policy.name().toLowerCase(Locale.ROOT), "ip");
            rejections(policy.name().toLowerCase(Locale.ROOT), "user");
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RateLimited annotation = method.getMethodAnnotation(RateLimited.class);
        if (annotation == null) {
            return true;
        }
        RateLimitPolicy policy = annotation.value();
        RateLimitProperties.Limits limits = properties.limits(policy);
        String name = policy.name().toLowerCase(Locale.ROOT);
        check(
                name,
                "ip",
                name + ":ip:" + request.getRemoteAddr(),
                new RateLimitRule(limits.perIp(), limits.period()),
                "this IP address");
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            check(
                    name,
                    "user",
                    name + ":user:" + auth.getName(),
                    new RateLimitRule(limits.perUser(), limits.period()),
                    "this account");
        }
        return true;
    }

    private void check(String policy, String bucket, String key, RateLimitRule rule, String scope) {
        RateLimitStore.Decision decision = store.tryConsume(key, rule);
        if (!decision.allowed()) {
            rejections(policy, bucket).increment();
            throw new RateLimitExceeded(scope, decision.retryAfterSeconds());
        }
    }

    /** {@code echain.rate.limit.rejections{policy, bucket}}: requests answered 429, by policy and by ip or user bucket. */
    private Counter rejections(String policy, String bucket) {
        return Counter.builder("echain.rate.limit.rejections")
                .description("Requests refused with 429 by a rate limit")
                .tag("policy", policy)
                .tag("bucket", bucket)
                .register(meters);
    }
}
