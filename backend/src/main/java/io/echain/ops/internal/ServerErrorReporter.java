package io.echain.ops.internal;

import io.sentry.Sentry;
import io.sentry.SentryLevel;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Reports every 5xx answer to Sentry (only when a DSN is configured): with the exception the problem handler
 * answered for, else as a message; 500s as errors, other 5xx (a dependency down) as warnings, grouped by status and
 * route. 4xx answers are the client's mistakes and are never reported. An exception that was also logged at ERROR
 * is the same throwable, which Sentry sends once.
 */
@Component
@ConditionalOnProperty(name = "sentry.dsn")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ServerErrorReporter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            report(request, 500, e);
            throw e;
        }
        if (response.getStatus() >= 500) {
            report(request, response.getStatus(), (Throwable)
                    request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE));
        }
    }

    private static void report(HttpServletRequest request, int status, Throwable error) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = request.getMethod() + " " + (pattern == null ? "unmatched" : pattern);
        SentryLevel level = status == 500 ? SentryLevel.ERROR : SentryLevel.WARNING;
        if (error != null) {
            Sentry.captureException(error, scope -> {
                scope.setLevel(level);
                scope.setTag("http.status_code", Integer.toString(status));
                scope.setTag("http.route", route);
            });
        } else {
            Sentry.captureMessage("HTTP " + status + " on " + route, scope -> {
                scope.setLevel(level);
                scope.setTag("http.status_code", Integer.toString(status));
                scope.setTag("http.route", route);
                scope.setFingerprint(List.of("http", Integer.toString(status), route));
            });
        }
    }
}
