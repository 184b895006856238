package io.echain.events.internal;

import io.echain.chain.indexer.ChainProjection;
import io.echain.chain.indexer.ContractEvent;
import io.echain.chain.indexer.IndexerProgress;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events module's chain facts, projected in the indexer's transaction: tickets sold (purchases less refunds, the
 * {@code tickets_sold} column that availability and the "tickets left" filter read) and the on-chain status of an
 * event's latest change once it is mined (MINED, then CONFIRMED when its block is confirmed; back to SUBMITTED if a
 * reorg removes it), and a cancellation the organizer sent to the contract directly. Every change is announced as {@link PublicReadChanged}, and so is the chain's clock passing an
 * event's end, so cached anonymous reads follow at once. Runs first: it needs nothing from the other projections.
 */
@Component
@Order(10)
class EventChainProjection implements ChainProjection {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private volatile Instant lastBlockTime;

    EventChainProjection(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @Override
    public void apply(List<ContractEvent> events) {
        Map<BigInteger, Integer> sold = new LinkedHashMap<>();
        Set<Long> changed = new TreeSet<>();
        for (ContractEvent event : events) {
            switch (event) {
                case ContractEvent.TicketsPurchased p -> sold.merge(p.chainEventId(), p.quantity(), Integer::sum);
                case ContractEvent.TicketRefunded r -> sold.merge(r.chainEventId(), -1, Integer::sum);
                case ContractEvent.EventRegistered e -> changed.addAll(mined(e.chainEventId(), e.at().blockNumber()));
                case ContractEvent.EventUpdated e -> changed.addAll(mined(e.chainEventId(), e.at().blockNumber()));
                case ContractEvent.EventCancelled e -> {
                    changed.addAll(mined(e.chainEventId(), e.at().blockNumber()));
                    changed.addAll(cancelledOnChain(e.chainEventId()));
                }
                default -> {
                    // not an events fact
                }
            }
        }
        changed.addAll(addSold(sold, 1));
        announce(changed);
    }

    @Override
    public void undo(List<ContractEvent> newestFirst) {
        Map<BigInteger, Integer> sold = new LinkedHashMap<>();
        Set<Long> changed = new TreeSet<>();
        for (ContractEvent event : newestFirst) {
            switch (event) {
                case ContractEvent.TicketsPurchased p -> sold.merge(p.chainEventId(), p.quantity(), Integer::sum);
                case ContractEvent.TicketRefunded r -> sold.merge(r.chainEventId(), -1, Integer::sum);
                case ContractEvent.EventRegistered e -> changed.addAll(unmined(e.chainEventId(), e.at().blockNumber()));
                case ContractEvent.EventUpdated e -> changed.addAll(unmined(e.chainEventId(), e.at().blockNumber()));
                case ContractEvent.EventCancelled e -> changed.addAll(unmined(e.chainEventId(), e.at().blockNumber()));
                default -> {
                    // nothing was projected
                }
            }
        }
        changed.addAll(addSold(sold, -1));
        announce(changed);
    }

    /** Confirms mined changes whose block is confirmed now, and notes events the chain's clock has just ended. */
    @Override
    public void onProgress(IndexerProgress progress) {
        Set<Long> changed = new TreeSet<>(jdbc.sql("""
                update events set chain_status = 'CONFIRMED' where chain_status = 'MINED' and chain_block <= ?
                returning id""")
                .param(progress.confirmedThrough())
                .query(Long.class)
                .list());
        Instant previous = lastBlockTime;
        Instant now = progress.blockTime();
        if (previous != null && now != null && now.isAfter(previous)) {
            changed.addAll(jdbc.sql("""
                    select id from events where status = 'SCHEDULED' and ends_at > ? and ends_at <= ?""")
                    .params(Events.timestamp(previous), Events.timestamp(now))
                    .query(Long.class)
                    .list());
        }
        if (now != null) {
            lastBlockTime = now;
        }
        announce(changed);
    }

    private Set<Long> addSold(Map<BigInteger, Integer> sold, int sign) {
        Set<Long> changed = new TreeSet<>();
        sold.forEach((chainEventId, tickets) -> {
            if (tickets != 0) {
                changed.addAll(jdbc.sql("""
                        update events set tickets_sold = tickets_sold + ? where chain_event_id = ? returning id""")
                        .params(sign * tickets, new BigDecimal(chainEventId))
                        .query(Long.class)
                        .list());
            }
        });
        return changed;
    }

    /** The event's latest change, sent by the outbox, is in block {@code block}. */
    private List<Long> mined(BigInteger chainEventId, long block) {
        return jdbc.sql("""
                update events set chain_status = 'MINED', chain_block = ?
                where chain_event_id = ? and chain_status in ('SUBMITTED', 'MINED') returning id""")
                .params(block, new BigDecimal(chainEventId))
                .query(Long.class)
                .list();
    }

    /**
     * The contract lets the organizer cancel without the platform: the event is cancelled here too (its version moves,
     * so a stale edit is refused). A reorg that drops such a cancellation does not bring the event back: the organizer's
     * transaction is normally mined again, and an event its organizer cancelled is not put back on sale by a reorg.
     */
    private List<Long> cancelledOnChain(BigInteger chainEventId) {
        return jdbc.sql("""
                        update events set status = 'CANCELLED', cancelled_at = coalesce(cancelled_at, now()),
                            updated_at = now(), version = version + 1
                        where chain_event_id = ? and status <> 'CANCELLED' returning id""")
                .param(new BigDecimal(chainEventId))
                .query(Long.class)
                .list();
    }

    private List<Long> unmined(BigInteger chainEventId, long block) {
        return jdbc.sql("""
                update events set chain_status = 'SUBMITTED', chain_block = null
                where chain_event_id = ? and chain_block = ? and chain_status in ('MINED', 'CONFIRMED') returning id""")
                .params(new BigDecimal(chainEventId), block)
                .query(Long.class)
                .list();
    }

    private void announce(Set<Long> changed) {
        if (!changed.isEmpty()) {
            publisher.publishEvent(new PublicReadChanged(changed));
        }
    }
}
