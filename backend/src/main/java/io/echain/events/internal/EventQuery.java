package io.echain.events.internal;

import io.echain.shared.InvalidRequest;
import io.echain.shared.Wei;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Query parameters of {@code GET /api/events}, validated one by one in the controller. {@code sort} is {@code field[,asc|desc]} with field one
 * of startsAt, price, createdAt or relevance (only with q); default relevance with q, else startsAt. Without
 * {@code status} the list holds what can still be bought (scheduled, not ended) unless {@code includePast}; {@code
 * after} is the cursor of the previous page (keyset paging), {@code page} an offset of at most {@link #MAX_OFFSET}
 * events.
 */
record EventQuery(
        Integer page,
        Integer size,
        String q,
        String organizer,
        Instant startsFrom,
        Instant startsTo,
        String priceMin,
        String priceMax,
        EventStatus status,
        Boolean available,
        String location,
        String sort,
        Boolean includePast,
        String after) {

    static final int MAX_SIZE = 100;
    static final int DEFAULT_SIZE = 20;
    /** The deepest offset {@code page} reaches; past it, pages follow {@code after} (keyset). */
    static final int MAX_OFFSET = 10_000;

    enum SortField {
        STARTS_AT,
        PRICE,
        CREATED_AT,
        RELEVANCE
    }

    record Order(SortField field, boolean descending) {}

    int pageOrDefault() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }

    boolean hasSearch() {
        return q != null && !q.isBlank();
    }

    /**
     * Whether the list holds only what can still be bought (scheduled, not ended): asked for with status=SCHEDULED, or
     * by default, when no status is given and past events are not included.
     */
    boolean upcomingOnly() {
        return status == EventStatus.SCHEDULED || (status == null && !Boolean.TRUE.equals(includePast));
    }

    BigInteger minPrice() {
        return priceMin == null ? null : Wei.parse(priceMin);
    }

    BigInteger maxPrice() {
        return priceMax == null ? null : Wei.parse(priceMax);
    }

    /** Checks the rules across parameters and parses the sort; throws {@link InvalidRequest}. */
    Order validatedOrder() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (startsFrom != null && startsTo != null && startsFrom.isAfter(startsTo)) {
            errors.put("startsTo", "must not be before startsFrom");
        }
        if (priceMin != null && priceMax != null && minPrice().compareTo(maxPrice()) > 0) {
            errors.put("priceMax", "must not be below priceMin");
        }
        Order order = parseSort(errors);
        if ((long) pageOrDefault() * sizeOrDefault() > MAX_OFFSET) {
            errors.put(
                    "page",
                    "page times size must not exceed " + MAX_OFFSET + "; follow nextCursor (after=) for deeper pages");
        }
        if (after != null && pageOrDefault() > 0) {
            errors.put("after", "cannot be combined with page");
        }
        if (after != null && order != null && EventCursor.parse(after, order) == null) {
            errors.put("after", "is not a cursor of this sort; pass the nextCursor of the previous page unchanged");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return order;
    }

    private Order parseSort(Map<String, String> errors) {
        if (sort == null || sort.isBlank()) {
            return hasSearch() ? new Order(SortField.RELEVANCE, true) : new Order(SortField.STARTS_AT, false);
        }
        String[] parts = sort.split(",", -1);
        SortField field = switch (parts[0].trim()) {
            case "startsAt" -> SortField.STARTS_AT;
            case "price" -> SortField.PRICE;
            case "createdAt" -> SortField.CREATED_AT;
            case "relevance" -> SortField.RELEVANCE;
            default -> null;
        };
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "";
        if (field == null
                || parts.length > 2
                || !(direction.isEmpty() || direction.equals("asc") || direction.equals("desc"))) {
            errors.put("sort", "must be startsAt, price, createdAt or relevance, optionally followed by ,asc or ,desc");
            return null;
        }
        if (field == SortField.RELEVANCE && !hasSearch()) {
            errors.put("sort", "relevance needs a search term q");
            return null;
        }
        boolean descending = field == SortField.RELEVANCE ? !direction.equals("asc") : direction.equals("desc");
        return new Order(field, descending);
    }
}
