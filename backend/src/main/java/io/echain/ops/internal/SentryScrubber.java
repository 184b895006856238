package io.echain.ops.internal;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The last step before an event leaves for Sentry: removes credentials wherever text can carry them (messages,
 * exception values, breadcrumbs, the request, tags, extras, the logging context): access tokens (JWTs, bearer
 * headers), 65-byte signatures, and the exact values of the configured secrets (operator key, JWT secret, database
 * and Redis passwords, the node's RPC URL and its key-carrying parts). Request headers that carry credentials and cookies are dropped whatever their value.
 */
class SentryScrubber implements SentryOptions.BeforeSendCallback, SentryOptions.BeforeBreadcrumbCallback {

    static final String REDACTED = "[redacted]";

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern SIGNATURE = Pattern.compile("(?i)(0x)?[0-9a-f]{130}");
    private static final List<String> CREDENTIAL_HEADERS =
            List.of("authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key");

    private final List<String> secrets;

    /** @param secrets configured secret values (blank ones are ignored; a hex key is matched with and without 0x) */
    SentryScrubber(List<String> secrets) {
        this.secrets = secrets.stream()
                .filter(s -> s != null && s.length() >= 8)
                .flatMap(s -> s.startsWith("0x") ? Stream.of(s, s.substring(2)) : Stream.of(s))
                .toList();
    }

    String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String clean = text;
        for (String secret : secrets) {
            clean = clean.replace(secret, REDACTED);
        }
        clean = JWT.matcher(clean).replaceAll(REDACTED);
        clean = BEARER.matcher(clean).replaceAll("$1 " + REDACTED);
        return SIGNATURE.matcher(clean).replaceAll(REDACTED);
    }

    @Override
    public SentryEvent execute(SentryEvent event, Hint hint) {
        Message message = event.getMessage();
        if (message != null) {
            message.setMessage(scrub(message.getMessage()));
            message.setFormatted(scrub(message.getFormatted()));
            if (message.getParams() != null) {
                message.setParams(message.getParams().stream().map(this::scrub).toList());
            }
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(scrub(exception.getValue()));
            }
        }
        if (event.getBreadcrumbs() != null) {
            event.getBreadcrumbs().forEach(crumb -> execute(crumb, hint));
        }
        Request request = event.getRequest();
        if (request != null) {
            request.setQueryString(scrub(request.getQueryString()));
            request.setCookies(null);
            request.setData(null);
            if (request.getHeaders() != null) {
                Map<String, String> headers = new HashMap<>();
                request.getHeaders().forEach((name, value) -> {
                    if (!CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                        headers.put(name, scrub(value));
                    }
                });
                request.setHeaders(headers);
            }
        }
        if (event.getTags() != null) {
            new HashMap<>(event.getTags()).forEach((k, v) -> event.setTag(k, scrub(v)));
        }
        if (event.getExtras() != null) {
            new HashMap<>(event.getExtras()).forEach((k, v) -> event.setExtra(k, v instanceof String s ? scrub(s) : v));
        }
        scrubContexts(event);
        return event;
    }

    @Override
    public Breadcrumb execute(Breadcrumb breadcrumb, Hint hint) {
        breadcrumb.setMessage(scrub(breadcrumb.getMessage()));
        new HashMap<>(breadcrumb.getData()).forEach((k, v) -> {
            if (v instanceof String s) {
                breadcrumb.setData(k, scrub(s));
            }
        });
        return breadcrumb;
    }

    /** String values one level deep in the contexts (the logging integration puts the MDC there). */
    @SuppressWarnings("unchecked")
    private void scrubContexts(SentryEvent event) {
        for (String key : java.util.Collections.list(event.getContexts().keys())) {
            Object value = event.getContexts().get(key);
            if (value instanceof Map<?, ?> map) {
                ((Map<Object, Object>) map).replaceAll((k, v) -> v instanceof String s ? scrub(s) : v);
            }
        }
    }
}
