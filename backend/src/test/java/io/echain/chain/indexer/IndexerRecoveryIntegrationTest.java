package io.echain.chain.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.echain.support.AnvilRpc;
import io.echain.support.ChainTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The indexer survives a crash in the middle of a range and a node that goes away for a while. */
class IndexerRecoveryIntegrationTest extends ChainTest {

    @Autowired
    IndexerStore store;

    @Autowired
    List<ChainProjection> projections;

    @Autowired
    io.echain.chain.internal.ContractEventDecoder decoder;

    @Autowired
    io.echain.chain.Confirmations confirmations;

    @Autowired
    ChainClock clock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Web3j web3j;

    @Test
    void crashInTheMiddleOfARangeLeavesNoGapsAndNoDuplicates() {
        long eventId = eventOnSale(organizer(), 100);
        index();
        for (int i = 0; i < 6; i++) {
            buy(AnvilRpc.key(1 + i % 3), eventId, 1 + i % 2);
        }
        AtomicInteger applied = new AtomicInteger();
        ChainProjection crashing = new ChainProjection() {
            @Override
            public void apply(List<ContractEvent> events) {
                if (applied.addAndGet(events.size()) > 3) {
                    throw new IllegalStateException("crash after writing part of a range");
                }
            }

            @Override
            public void undo(List<ContractEvent> events) {}
        };
        List<ChainProjection> withCrash = new java.util.ArrayList<>(projections);
        withCrash.add(crashing); // after every module's projection wrote its part of the range
        ChainIndexer interrupted = indexer(withCrash, reader(web3j), 2);

        assertThatThrownBy(interrupted::pollNow).hasMessageContaining("crash");
        long committed = store.cursor().orElseThrow().blockNumber();
        assertThat(committed).as("some ranges were committed before the crash").isLessThan(chain.blockNumber());
        assertThat(payments(eventId)).as("committed ranges only").isEqualTo(purchaseLogsThrough(eventId, committed));

        index();

        assertThat(payments(eventId)).isEqualTo(6);
        assertThat(purchaseLogsThrough(eventId, Long.MAX_VALUE)).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from tickets where chain_event_id = ?")
                        .param(BigDecimal.valueOf(eventId))
                        .query(Integer.class)
                        .single())
                .isEqualTo(9);
        assertThat(jdbc.sql("select tickets_sold from event_revenue where event_id = ?")
                        .param(eventId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(9);
        assertThat(api.get("/api/events/" + eventId, organizer().token())
                        .json()
                        .get("availability")
                        .get("sold")
                        .asInt())
                .isEqualTo(9);
    }

    @Test
    void nodeDownKeepsReadsServingAndTheIndexerCatchesUpByItself() throws Exception {
        Session organizer = organizer();
        long eventId = eventOnSale(organizer, 100);
        Session buyer = sessionOf(4);
        buy(AnvilRpc.key(4), eventId, 1);
        index();
        URI rpc = chainProperties.rpcUrl();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (TcpProxy proxy = new TcpProxy(rpc.getPort())) {
            ChainIndexer scheduled = indexer(
                    projections,
                    reader(Web3j.build(new HttpService(proxy.url()))),
                    2_000,
                    meters,
                    Duration.ofMillis(100));
            proxy.down();
            scheduled.start();
            try {
                buy(AnvilRpc.key(4), eventId, 2);
                chain.mine(3);
                Thread.sleep(500);
                assertThat(meters.counter("echain.indexer.rpc.errors").count()).isPositive();
                assertThat(api.get("/api/me/tickets", buyer.token()).status()).isEqualTo(200);
                assertThat(api.get("/api/events/" + eventId, buyer.token())
                                .json()
                                .get("availability")
                                .get("sold")
                                .asInt())
                        .as("reads serve the last indexed state")
                        .isEqualTo(1);

                proxy.up();
                long deadline = System.currentTimeMillis() + 15_000;
                while (System.currentTimeMillis() < deadline && scheduled.lag() != 0) {
                    Thread.sleep(100);
                }
                assertThat(scheduled.lag()).isZero();
                assertThat(api.get("/api/events/" + eventId, buyer.token())
                                .json()
                                .get("availability")
                                .get("sold")
                                .asInt())
                        .isEqualTo(3);
            } finally {
                scheduled.stop();
            }
        }
    }

    private ChainReader reader(Web3j node) {
        return new ChainReader(node, 500, decoder);
    }

    private ChainIndexer indexer(List<ChainProjection> projections, ChainReader reader, int rangeSize) {
        return indexer(projections, reader, rangeSize, new SimpleMeterRegistry(), Duration.ofMillis(100));
    }

    private ChainIndexer indexer(
            List<ChainProjection> projections,
            ChainReader reader,
            int rangeSize,
            MeterRegistry meters,
            Duration interval) {
        IndexerTarget target = new IndexerTarget(
                List.of(
                        chainProperties.ticketNft().toLowerCase(),
                        chainProperties.paymentProcessor().toLowerCase()),
                chainProperties.deploymentBlock());
        return new ChainIndexer(
                store,
                reader,
                projections,
                decoder,
                confirmations,
                clock,
                transactions,
                target,
                new IndexerProperties(true, interval, rangeSize, 500, 10_000),
                meters);
    }

    private int payments(long eventId) {
        return jdbc.sql("select count(*) from payments where event_id = ? and payment_id is not null")
                .param(eventId)
                .query(Integer.class)
                .single();
    }

    private int purchaseLogsThrough(long eventId, long block) {
        return jdbc.sql("""
                select count(*) from indexer_logs where kind = 'TicketsPurchased' and block_number <= ?
                and topics[3] = ?""")
                .params(block, String.format("0x%064x", eventId))
                .query(Integer.class)
                .single();
    }
}
