package io.echain.shared.internal;

import io.echain.shared.RateLimitExceeded;
import io.echain.shared.RateLimitPolicy;
import io.echain.shared.RateLimited;
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

    RateLimitInterceptor(RateLimitStore store, RateLimitProperties properties) {
        this.store = store;
        this.properties = properties;
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
        check(name + ":ip:" + request.getRemoteAddr(), new RateLimitRule(limits.perIp(), limits.period()), "this IP address");
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            check(name + ":user:" + auth.getName(), new RateLimitRule(limits.perUser(), limits.period()), "this account");
        }
        return true;
    }

    private void check(String key, RateLimitRule rule, String scope) {
        RateLimitStore.Decision decision = store.tryConsume(key, rule);
        if (!decision.allowed()) {
            throw new RateLimitExceeded(scope, decision.retryAfterSeconds());
        }
    }
}
