package io.echain.events.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The list query. Filters that each have an index; without a status only upcoming events, from the indexes restricted
 * to unarchived rows (V29), so its cost follows what is on sale rather than the whole history; full-text search over
 * the generated tsvector, ranked with ts_rank over at most {@link #CANDIDATES} matches; a stable order (id breaks
 * ties), pages by offset or by keyset ({@link EventCursor}); and a count that stops at {@link #COUNT_CAP}.
 */
@Repository
class EventSearch {

    /** Relevance ranks at most this many matches (the first ones the index yields). */
    static final int CANDIDATES = 1_000;
    /** Counting stops here; a larger total is reported as this, marked capped. */
    static final int COUNT_CAP = 10_000;

    private final JdbcClient jdbc;

    EventSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The page, the total (at most the cap, {@code capped} when more may match) and the cursor of the next page. */
    record Result(List<EventRow> rows, long total, boolean capped, String nextCursor) {}

    Result find(EventQuery query, EventQuery.Order order, Instant now) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, now, params);
        EventCursor cursor = query.after() == null ? null : EventCursor.parse(query.after(), order);
        int size = query.sizeOrDefault();
        params.put("limit", size + 1);
        params.put("offset", (long) query.pageOrDefault() * size);
        return order.field() == EventQuery.SortField.RELEVANCE
                ? ranked(query, order, where, cursor, params)
                : ordered(query, order, where, cursor, params);
    }

    /**
     * A relevance sort: the first {@link #CANDIDATES} matches, ranked and counted in one query; the cursor filters the
     * ranked candidates.
     */
    private Result ranked(
            EventQuery query, EventQuery.Order order, String where, EventCursor cursor, Map<String, Object> params) {
        params.put("candidates", CANDIDATES);
        String direction = order.descending() ? " desc" : " asc";
        String after = "";
        if (cursor != null) {
            params.put("afterRank", cursor.rank());
            params.put("afterStartsAt", Events.timestamp(cursor.startsAt()));
            params.put("afterId", cursor.id());
            after = " where (r.rank " + (order.descending() ? "<" : ">")
                    + " :afterRank::real or (r.rank = :afterRank::real and (r.starts_at, r.id) > (:afterStartsAt, :afterId)))";
        }
        // The candidates are ranked and counted as (id, start, rank) only, and the page's rows are read afterwards:
        // carrying every column (descriptions included) of up to 1,000 rows through the window and the sort cost about
        // a quarter of the query's CPU (bench/api, pgbench: 529 -> 701 queries/s at 1,000,000 events).
        String ranking = "%1$s.rank" + direction + ", %1$s.starts_at asc, %1$s.id asc";
        String sql = "select " + Events.COLUMNS + ", p.rank, p.total_count from (select r.* from ("
                + "select c.id, c.starts_at, ts_rank(c.search_vector, websearch_to_tsquery('english', :q)) as rank,"
                + " count(*) over () as total_count"
                + " from (select e.id, e.starts_at, e.search_vector from events e" + where
                + " limit :candidates) c) r" + after
                + " order by " + ranking.formatted("r")
                + " limit :limit offset :offset) p join events e on e.id = p.id"
                + " order by " + ranking.formatted("p");
        long[] total = {0};
        List<Float> ranks = new ArrayList<>();
        List<EventRow> rows = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total_count");
                    ranks.add(rs.getFloat("rank"));
                    return Events.ROW.mapRow(rs, n);
                })
                .list();
        if (rows.isEmpty() && cursor == null) {
            total[0] = countOrZero(query, where, params);
        }
        int size = query.sizeOrDefault();
        String next = rows.size() > size ? EventCursor.after(order, rows.get(size - 1), ranks.get(size - 1)) : null;
        return new Result(rows.subList(0, Math.min(size, rows.size())), total[0], total[0] >= CANDIDATES, next);
    }

    /** A page beyond the ranked candidates: count the matches (capped) so the total stays right. */
    private long countOrZero(EventQuery query, String where, Map<String, Object> params) {
        return query.pageOrDefault() == 0 ? 0 : Math.min(count(where, params), CANDIDATES);
    }

    /** An index-ordered listing stops at the page; it counts separately (capped) only when the page cannot tell. */
    private Result ordered(
            EventQuery query, EventQuery.Order order, String where, EventCursor cursor, Map<String, Object> params) {
        String condition = where;
        if (cursor != null) {
            params.put("afterKey", cursorKey(cursor));
            params.put("afterId", cursor.id());
            condition = (where.isEmpty() ? " where " : where + " and ") + "(" + sortColumn(order) + ", e.id) "
                    + (order.descending() ? "<" : ">") + " (:afterKey, :afterId)";
        }
        String sql = "select " + Events.COLUMNS + " from events e" + condition + " order by " + orderBy(order)
                + " limit :limit offset :offset";
        List<EventRow> rows = jdbc.sql(sql).params(params).query(Events.ROW).list();
        int size = query.sizeOrDefault();
        int page = query.pageOrDefault();
        boolean more = rows.size() > size;
        List<EventRow> shown = rows.subList(0, Math.min(size, rows.size()));
        long total;
        if (cursor == null && !more && (page == 0 || !shown.isEmpty())) {
            total = (long) page * size + shown.size();
        } else {
            total = count(where, params);
        }
        String next = more ? EventCursor.after(order, shown.get(size - 1), 0) : null;
        return new Result(shown, Math.min(total, COUNT_CAP), total > COUNT_CAP, next);
    }

    /** The number of matches, counting at most one past {@link #COUNT_CAP}. */
    private long count(String where, Map<String, Object> params) {
        params.put("countLimit", COUNT_CAP + 1);
        return jdbc.sql("select count(*) from (select 1 from events e" + where + " limit :countLimit) c")
                .params(params)
                .query(Long.class)
                .single();
    }

    private static Object cursorKey(EventCursor cursor) {
        return switch (cursor.order().field()) {
            case STARTS_AT, CREATED_AT -> Events.timestamp(Instant.parse(cursor.key()));
            case PRICE -> new BigDecimal(cursor.key());
            case RELEVANCE -> throw new IllegalStateException("relevance pages are ranked, not index-ordered");
        };
    }

    private static String sortColumn(EventQuery.Order order) {
        return switch (order.field()) {
            case STARTS_AT -> "e.starts_at";
            case PRICE -> "e.price_wei";
            case CREATED_AT -> "e.created_at";
            case RELEVANCE -> throw new IllegalStateException("relevance has no column");
        };
    }

    private static String where(EventQuery query, Instant now, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (query.hasSearch()) {
            params.put("q", query.q());
            conditions.add("e.search_vector @@ websearch_to_tsquery('english', :q)");
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
        if (query.upcomingOnly()) {
            // greatest(ends_at, starts_at) is ends_at (ends_at > starts_at, a check constraint), written so that the
            // planner does not take "not archived" and "ends_at > now" for independent: it would expect 0.1% of the
            // upcoming indexes to match instead of nearly all, and sort every upcoming event rather than walk them.
            params.put("now", Events.timestamp(now));
            conditions.add("not e.archived and e.status = 'SCHEDULED' and greatest(e.ends_at, e.starts_at) > :now");
        } else if (query.status() != null) {
            params.put("now", Events.timestamp(now));
            conditions.add(
                    switch (query.status()) {
                        case CANCELLED -> "e.status = 'CANCELLED'";
                        case SCHEDULED -> throw new IllegalStateException("scheduled is the upcoming scope");
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
        return sortColumn(order) + direction + ", e.id" + direction;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
