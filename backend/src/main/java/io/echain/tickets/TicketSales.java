package io.echain.tickets;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Sold tickets per event: a count over the tickets table (refunded tickets do not count). */
@Service
public class TicketSales {

    private final JdbcClient jdbc;

    public TicketSales(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int soldCount(long eventId) {
        return jdbc.sql("select count(*) from tickets where event_id = ? and status <> 'REFUNDED'")
                .param(eventId).query(Integer.class).single();
    }

    /** Sold counts for several events in one query; events without tickets map to 0. */
    public Map<Long, Integer> soldCounts(Collection<Long> eventIds) {
        Map<Long, Integer> counts = new HashMap<>();
        eventIds.forEach(id -> counts.put(id, 0));
        if (eventIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select event_id, count(*) as sold from tickets
                where event_id = any(?) and status <> 'REFUNDED' group by event_id""")
                .param(eventIds.toArray(Long[]::new))
                .query((rs, n) -> counts.put(rs.getLong("event_id"), rs.getInt("sold")))
                .list();
        return counts;
    }
}
