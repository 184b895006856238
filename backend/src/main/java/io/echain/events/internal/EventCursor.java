package io.echain.events.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of {@code GET /api/events} ended, for the next one ({@code after=}): the sort it belongs to, the last
 * event's sort key and its id (the tie-breaker), so the next page starts right after that event however many were
 * added or removed before it. Opaque to clients: base64url of {@code v1:<field>:<a|d>:<key>:<id>}; the key of a
 * relevance sort is the rank and the start.
 */
record EventCursor(EventQuery.Order order, String key, Instant startsAt, float rank, long id) {

    private static final String VERSION = "v1";

    /** The cursor after {@code row}; {@code rank} counts only for a relevance sort. */
    static String after(EventQuery.Order order, EventRow row, float rank) {
        String key = switch (order.field()) {
            case STARTS_AT -> row.startsAt().toString();
            case PRICE -> row.priceWei().toString();
            case CREATED_AT -> row.createdAt().toString();
            case RELEVANCE -> Float.toString(rank) + "~" + row.startsAt();
        };
        String text = String.join(
                ":", VERSION, order.field().name(), order.descending() ? "d" : "a", key, Long.toString(row.id()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null when {@code value} is not a cursor of {@code order}. */
    static EventCursor parse(String value, EventQuery.Order order) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":", 4);
            if (parts.length != 4
                    || !parts[0].equals(VERSION)
                    || !parts[1].equals(order.field().name())
                    || !parts[2].equals(order.descending() ? "d" : "a")) {
                return null;
            }
            int lastColon = parts[3].lastIndexOf(':');
            String key = parts[3].substring(0, lastColon);
            long id = Long.parseLong(parts[3].substring(lastColon + 1));
            return switch (order.field()) {
                case STARTS_AT, CREATED_AT -> new EventCursor(order, key, Instant.parse(key), 0, id);
                case PRICE ->
                    new EventCursor(
                            order, new BigDecimal(key).toBigIntegerExact().toString(), null, 0, id);
                case RELEVANCE -> {
                    int tilde = key.indexOf('~');
                    float rank = Float.parseFloat(key.substring(0, tilde));
                    yield Float.isFinite(rank)
                            ? new EventCursor(order, key, Instant.parse(key.substring(tilde + 1)), rank, id)
                            : null;
                }
            };
        } catch (IllegalArgumentException
                | DateTimeParseException
                | ArithmeticException
                | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
