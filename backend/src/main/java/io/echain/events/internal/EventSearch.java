package io.echain.events.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The list query: filters that each have an index, full-text search over the generated tsvector
 * ranked with ts_rank, a stable order (id breaks ties) and a count query only when the page alone
 * cannot tell the total.
 */
@Repository
class EventSearch {

    private final JdbcClient jdbc;

    EventSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Result(List<EventRow> rows, long total) {}

    Result find(EventQuery query, EventQuery.Order order, Instant now) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, now, params);
        String from =
                query.hasSearch() ? " from events e, websearch_to_tsquery('english', :q) query " : " from events e ";
        int size = query.sizeOrDefault();
        int page = query.pageOrDefault();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        // A ranked search sorts every match anyway, so counting them in the same query is free;
        // an index-ordered listing stops at the page, so it counts separately and only when needed.
        boolean windowCount = query.hasSearch();
        String sql = "select " + Events.COLUMNS + (windowCount ? ", count(*) over () as total_count" : "") + from
                + where + " order by " + orderBy(order) + " limit :limit offset :offset";
        long[] windowTotal = {-1};
        List<EventRow> rows = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> {
                    if (windowCount) {
                        windowTotal[0] = rs.getLong("total_count");
                    }
                    return Events.ROW.mapRow(rs, n);
                })
                .list();
        long total;
        if (windowTotal[0] >= 0) {
            total = windowTotal[0];
        } else if (rows.size() < size && (page == 0 || !rows.isEmpty())) {
            total = (long) page * size + rows.size();
        } else {
            total = jdbc.sql("select count(*)" + from + where)
                    .params(params)
                    .query(Long.class)
                    .single();
        }
        return new Result(rows, total);
    }

    private static String where(EventQuery query, Instant now, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (query.hasSearch()) {
            params.put("q", query.q());
            conditions.add("e.search_vector @@ query");
        }
        if (query.organizer() != null) {
            params.put("organizer", query.organizer().toLowerCase(Locale.ROOT));
            conditions.add("e.organizer_address = :organizer");
        }
        if (query.startsFrom() != null) {
            params.put("startsFrom", Events.timestamp(query.startsFrom()));
            conditions.add("e.starts_at >= :startsFrom");
        }
        if (query.startsTo() != null) {
            params.put("startsTo", Events.timestamp(query.startsTo()));
            conditions.add("e.starts_at <= :startsTo");
        }
        if (query.priceMin() != null) {
            params.put("priceMin", Events.decimal(query.minPrice()));
            conditions.add("e.price_wei >= :priceMin");
        }
        if (query.priceMax() != null) {
            params.put("priceMax", Events.decimal(query.maxPrice()));
            conditions.add("e.price_wei <= :priceMax");
        }
        if (query.status() != null) {
            params.put("now", Events.timestamp(now));
            conditions.add(
                    switch (query.status()) {
                        case CANCELLED -> "e.status = 'CANCELLED'";
                        case SCHEDULED -> "e.status = 'SCHEDULED' and e.ends_at > :now";
                        case FINISHED -> "e.status = 'SCHEDULED' and e.ends_at <= :now";
                    });
        }
        if (query.available() != null) {
            conditions.add(query.available() ? "e.tickets_sold < e.capacity" : "e.tickets_sold >= e.capacity");
        }
        if (query.location() != null && !query.location().isBlank()) {
            params.put("location", escapeLike(query.location().trim().toLowerCase(Locale.ROOT)) + "%");
            conditions.add("lower(e.location) like :location");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static String orderBy(EventQuery.Order order) {
        String direction = order.descending() ? " desc" : " asc";
        return switch (order.field()) {
            case STARTS_AT -> "e.starts_at" + direction + ", e.id" + direction;
            case PRICE -> "e.price_wei" + direction + ", e.id" + direction;
            case CREATED_AT -> "e.created_at" + direction + ", e.id" + direction;
            case RELEVANCE -> "ts_rank(e.search_vector, query)" + direction + ", e.starts_at asc, e.id asc";
        };
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
