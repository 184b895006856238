package io.echain.events.internal;

import io.echain.chain.indexer.ChainProjection;
import io.echain.chain.indexer.ContractEvent;
import io.echain.chain.indexer.IndexerProgress;
import java.math.BigDecimal;
import java.math.BigInteger;
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
 * reorg removes it). Runs first: it needs nothing from the other projections.
 */
@Component
@Order(10)
class EventChainProjection implements ChainProjection {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    EventChainProjection(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @Override
    public void apply(List<ContractEvent> events) {
        Map<BigInteger, Integer> sold = new LinkedHashMap<>();
        for (ContractEvent event : events) {
            switch (event) {
                case ContractEvent.TicketsPurchased p -> sold.merge(p.chainEventId(), p.quantity(), Integer::sum);
                case ContractEvent.TicketRefunded r -> sold.merge(r.chainEventId(), -1, Integer::sum);
                case ContractEvent.EventRegistered e -> mined(e.chainEventId(), e.at().blockNumber());
                case ContractEvent.EventUpdated e -> mined(e.chainEventId(), e.at().blockNumber());
                case ContractEvent.EventCancelled e -> mined(e.chainEventId(), e.at().blockNumber());
                default -> {
                    // not an events fact
                }
            }
        }
        addSold(sold, 1);
    }

    @Override
    public void undo(List<ContractEvent> newestFirst) {
        Map<BigInteger, Integer> sold = new LinkedHashMap<>();
        for (ContractEvent event : newestFirst) {
            switch (event) {
                case ContractEvent.TicketsPurchased p -> sold.merge(p.chainEventId(), p.quantity(), Integer::sum);
                case ContractEvent.TicketRefunded r -> sold.merge(r.chainEventId(), -1, Integer::sum);
                case ContractEvent.EventRegistered e -> unmined(e.chainEventId(), e.at().blockNumber());
                case ContractEvent.EventUpdated e -> unmined(e.chainEventId(), e.at().blockNumber());
                case ContractEvent.EventCancelled e -> unmined(e.chainEventId(), e.at().blockNumber());
                default -> {
                    // nothing was projected
                }
            }
        }
        addSold(sold, -1);
    }

    @Override
    public void onProgress(IndexerProgress progress) {
        jdbc.sql("update events set chain_status = 'CONFIRMED' where chain_status = 'MINED' and chain_block <= ?")
                .param(progress.confirmedThrough()).update();
    }

    private void addSold(Map<BigInteger, Integer> sold, int sign) {
        Set<Long> changed = new TreeSet<>();
        sold.forEach((chainEventId, tickets) -> {
            if (tickets != 0) {
                changed.addAll(jdbc.sql("""
                        update events set tickets_sold = tickets_sold + ? where chain_event_id = ? returning id""")
                        .params(sign * tickets, new BigDecimal(chainEventId)).query(Long.class).list());
            }
        });
        if (!changed.isEmpty()) {
            publisher.publishEvent(new AvailabilityChanged(changed));
        }
    }

    /** The event's latest change, sent by the outbox, is in block {@code block}. */
    private void mined(BigInteger chainEventId, long block) {
        jdbc.sql("""
                update events set chain_status = 'MINED', chain_block = ?
                where chain_event_id = ? and chain_status in ('SUBMITTED', 'MINED')""")
                .params(block, new BigDecimal(chainEventId)).update();
    }

    private void unmined(BigInteger chainEventId, long block) {
        jdbc.sql("""
                update events set chain_status = 'SUBMITTED', chain_block = null
                where chain_event_id = ? and chain_block = ? and chain_status in ('MINED', 'CONFIRMED')""")
                .params(new BigDecimal(chainEventId), block).update();
    }

    /** Sold counts of these events changed; their cached public reads are stale. */
    record AvailabilityChanged(Set<Long> eventIds) {
    }
}
