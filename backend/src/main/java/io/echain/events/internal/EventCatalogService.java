package io.echain.events.internal;

import io.echain.events.EventCatalog;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class EventCatalogService implements EventCatalog {

    private final Events events;
    private final JdbcClient jdbc;

    EventCatalogService(Events events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<EventSummary> find(long id) {
        return events.find(id)
                .map(r -> new EventSummary(
                        r.id(),
                        r.organizer(),
                        r.name(),
                        r.description(),
                        r.location(),
                        r.startsAt(),
                        r.endsAt(),
                        r.priceWei(),
                        r.capacity(),
                        r.cancelled(),
                        r.chainEventId()));
    }

    @Override
    public Map<BigInteger, Long> idsByChainEventId(Collection<BigInteger> chainEventIds) {
        Map<BigInteger, Long> ids = new HashMap<>();
        if (chainEventIds.isEmpty()) {
            return ids;
        }
        jdbc.sql("select chain_event_id, id from events where chain_event_id = any(?)")
                .param(chainEventIds.stream().map(BigDecimal::new).toArray(BigDecimal[]::new))
                .query((rs, n) -> ids.put(rs.getBigDecimal(1).toBigIntegerExact(), rs.getLong(2)))
                .list();
        return ids;
    }
}
