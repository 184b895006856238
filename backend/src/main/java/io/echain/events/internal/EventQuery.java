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
 * of startsAt, price, createdAt or relevance (only with q); default relevance with q, else startsAt.
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
        String sort) {

    static final int MAX_SIZE = 100;
    static final int DEFAULT_SIZE = 20;

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
