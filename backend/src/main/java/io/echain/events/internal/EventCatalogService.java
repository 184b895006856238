package io.echain.events.internal;

import io.echain.events.EventCatalog;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
        return events.find(id).map(EventCatalogService::summary);
    }

    @Override
    public List<EventSummary> organizedBy(String organizer) {
        return jdbc
                .sql("select " + Events.COLUMNS
                        + " from events e where e.organizer_address = ? order by e.starts_at, e.id")
                .param(organizer)
                .query(Events.ROW)
                .list()
                .stream()
                .map(EventCatalogService::summary)
                .toList();
    }

    private static EventSummary summary(EventRow r) {
        return new EventSummary(
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
                r.chainEventId(),
                ChainStatus.CONFIRMED.name().equals(r.chainStatus()));
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
