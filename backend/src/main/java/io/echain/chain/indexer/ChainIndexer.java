package io.echain.chain.indexer;

import io.echain.chain.Confirmations;
import io.echain.chain.internal.ContractEventDecoder;
import io.echain.chain.internal.Leadership;
import io.echain.shared.BackgroundWork;
import io.echain.shared.DatabaseOutage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls the node and applies new blocks range by range, each range in one transaction together with
 * the cursor (and the logs it applied, those a projection reads). Before going on it checks that the last applied block is still the node's block at that
 * height (and that every new block's parent is the block before it); if not, it undoes the projection
 * down to the common ancestor. Logs are decoded into {@link ContractEvent}s and handed to every module's
 * {@link ChainProjection}, in their order, in the same transaction (undone in reverse order). Logs are applied up
 * to the head, so payments see unconfirmed blocks; confirmations are derived from the head. Exactly one instance
 * polls: the {@link Leadership} holder (others take over when it dies); each range also runs under a
 * transaction-scoped PostgreSQL advisory lock, so two instances never write a range at once even while a lost
 * leadership is being noticed.
 */
public class ChainIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainIndexer.class);
    private static final int PARALLEL_DECODE = 1_000;

    /** The outcome of one step. */
    enum Step {
        CAUGHT_UP,
        MORE,
        LOCKED_ELSEWHERE
    }

    private final IndexerStore store;
    private final ChainReader reader;
    private final List<ChainProjection> projections;
    private final ContractEventDecoder decoder;
    private final Confirmations confirmations;
    private final ChainClock clock;
    private final TransactionTemplate transactions;
    private final IndexerTarget target;
    private final IndexerProperties properties;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicLong head = new AtomicLong(-1);
    private final AtomicLong applied = new AtomicLong(-1);
    private final Counter rpcErrors;
    private final Counter reorgs;
    private final DistributionSummary reorgDepth;
    private final Leadership leadership;
    private final Counter logsApplied;
    private volatile ScheduledExecutorService scheduler;
    private String appliedRange;
    private java.time.Instant committedBlockTime;
    private volatile ScheduledFuture<?> task;
    private volatile String pausedBecause;

    ChainIndexer(
            IndexerStore store,
            ChainReader reader,
            List<ChainProjection> projections,
            ContractEventDecoder decoder,
            Confirmations confirmations,
            ChainClock clock,
            TransactionTemplate transactions,
            IndexerTarget target,
            IndexerProperties properties,
            MeterRegistry meters) {
        this.store = store;
        this.reader = reader;
        this.projections = List.copyOf(projections);
        this.decoder = decoder;
        this.confirmations = confirmations;
        this.clock = clock;
        this.transactions = transactions;
        this.target = target;
        this.properties = properties;
        this.leadership = new Leadership(store.dataSource(), Leadership.INDEXER, "indexer", meters);
        this.rpcErrors = Counter.builder("echain.indexer.rpc.errors")
                .description("Failed JSON-RPC calls of the indexer")
                .register(meters);
        this.reorgs = Counter.builder("echain.indexer.reorgs")
                .description("Chain reorganizations rolled back")
                .register(meters);
        this.reorgDepth = DistributionSummary.builder("echain.indexer.reorg.depth")
                .baseUnit("blocks")
                .description("Blocks rolled back per chain reorganization")
                .register(meters);
        this.logsApplied = Counter.builder("echain.indexer.logs.applied")
                .description("Contract logs applied")
                .register(meters);
        Gauge.builder("echain.indexer.block", applied, AtomicLong::get)
                .description("Last applied block")
                .register(meters);
    }

    /** Applies everything the node has, range by range, until caught up; false if another instance holds the lock. */
    public boolean pollNow() {
        running.lock();
        try {
            Step step;
            do {
                long started = System.nanoTime();
                appliedRange = null;
                committedBlockTime = null;
                step = transactions.execute(status -> step());
                clock.advance(committedBlockTime);
                if (appliedRange != null && log.isDebugEnabled()) {
                    log.debug(
                            "Applied {} in {} ms (head {})",
                            appliedRange,
                            (System.nanoTime() - started) / 1_000_000,
                            head.get());
                }
            } while (step == Step.MORE && !Thread.currentThread().isInterrupted());
            return step != Step.LOCKED_ELSEWHERE;
        } finally {
            running.unlock();
        }
    }

    /**
     * Blocks between the head seen by this indexer's last poll and the last applied block (0 when caught up, -1 before
     * the first poll). The {@code echain_indexer_lag_blocks} gauge compares with the node's current head instead.
     */
    public long lag() {
        long h = head.get();
        long a = applied.get();
        return h < 0 || a < 0 ? -1 : Math.max(0, h - a);
    }

    public long appliedThrough() {
        return applied.get();
    }

    Step step() {
        if (!store.tryLock()) {
            return Step.LOCKED_ELSEWHERE;
        }
        long nodeHead;
        try {
            nodeHead = reader.head();
        } catch (ChainReader.RpcFailure e) {
            throw countRpc(e);
        }
        head.set(nodeHead);
        IndexerStore.Cursor cursor = store.cursor().orElseGet(() -> {
            IndexerStore.Cursor start = new IndexerStore.Cursor(target.deploymentBlock() - 1, null, nodeHead, null);
            store.saveCursor(start.blockNumber(), null, nodeHead, null);
            return start;
        });
        try {
            if (cursor.blockHash() != null && !cursor.blockHash().equals(reader.hashOf(cursor.blockNumber()))) {
                rollBack(cursor.blockNumber(), nodeHead);
                return Step.MORE;
            }
            if (cursor.blockNumber() >= nodeHead) {
                store.saveHead(nodeHead);
                applied.set(cursor.blockNumber());
                progress(cursor.blockNumber(), nodeHead, cursor.blockTime());
                return Step.CAUGHT_UP;
            }
            long from = cursor.blockNumber() + 1;
            long to = Math.min(nodeHead, cursor.blockNumber() + properties.rangeSize());
            List<ChainLog> logs = reader.logs(target.addresses(), from, to);
            List<ChainReader.Header> headers = reader.headers(from, to);
            if (headers.isEmpty() || headers.get(0).number() != from) {
                return Step.CAUGHT_UP; // the node lost the blocks meanwhile; the next poll sees its new state
            }
            if (cursor.blockHash() != null && !headers.get(0).parentHash().equals(cursor.blockHash())) {
                rollBack(cursor.blockNumber(), nodeHead);
                return Step.MORE;
            }
            ChainReader.Header last = consistentPrefix(headers, logs);
            if (last == null) {
                return Step.CAUGHT_UP; // a reorg is happening under us; retry on the next poll
            }
            List<ChainLog> applying = last.number() == to
                    ? logs
                    : logs.stream()
                            .filter(l -> l.blockNumber() <= last.number())
                            .toList();
            apply(headers.stream().filter(h -> h.number() <= last.number()).toList(), applying);
            java.time.Instant blockTime = java.time.Instant.ofEpochSecond(last.timestamp());
            store.saveCursor(last.number(), last.hash(), nodeHead, blockTime);
            store.pruneBlocksBelow(last.number() - properties.blockRetention());
            applied.set(last.number());
            progress(last.number(), nodeHead, blockTime);
            if (!applying.isEmpty()) {
                appliedRange = "blocks " + from + ".." + last.number() + ": " + applying.size() + " logs";
            }
            return last.number() < nodeHead ? Step.MORE : Step.CAUGHT_UP;
        } catch (ChainReader.RpcFailure e) {
            throw countRpc(e);
        }
    }

    /**
     * The longest run of headers that link parent to child and agree with the logs' block hashes (logs
     * and headers are separate calls, so a reorg may fall between them); null if not even the first does.
     */
    private static ChainReader.Header consistentPrefix(List<ChainReader.Header> headers, List<ChainLog> logs) {
        Map<Long, String> hashes = new HashMap<>();
        ChainReader.Header last = null;
        for (ChainReader.Header header : headers) {
            if (last != null
                    && (header.number() != last.number() + 1
                            || !header.parentHash().equals(last.hash()))) {
                break;
            }
            hashes.put(header.number(), header.hash());
            last = header;
        }
        for (ChainLog log : logs) {
            String hash = hashes.get(log.blockNumber());
            if (hash != null && !hash.equals(log.blockHash())) {
                long before = log.blockNumber() - 1;
                return headers.stream()
                        .filter(h -> h.number() == before)
                        .findFirst()
                        .orElse(null);
            }
        }
        return last;
    }

    private void apply(List<ChainReader.Header> headers, List<ChainLog> logs) {
        Map<Long, Integer> counts = new HashMap<>();
        logs.forEach(l -> counts.merge(l.blockNumber(), 1, Integer::sum));
        List<IndexerStore.Block> blocks = new ArrayList<>(headers.size());
        for (ChainReader.Header h : headers) {
            blocks.add(
                    new IndexerStore.Block(h.number(), h.hash(), h.parentHash(), counts.getOrDefault(h.number(), 0)));
        }
        store.insertBlocks(blocks);
        if (!logs.isEmpty()) {
            // Only logs a projection reads are kept: a rollback undoes exactly those. Mint Transfers (one per
            // ticket, half of all logs) repeat their purchase log and are neither decoded nor stored.
            List<ChainLog> projected = logs.stream()
                    .filter(l -> !ContractEventDecoder.OTHER.equals(l.kind()))
                    .toList();
            if (!projected.isEmpty()) {
                store.insertLogs(projected);
            }
            Map<Long, java.time.Instant> times = new HashMap<>();
            headers.forEach(h -> times.put(h.number(), java.time.Instant.ofEpochSecond(h.timestamp())));
            List<ContractEvent> events = decode(projected, times);
            if (!events.isEmpty()) {
                projections.forEach(projection -> projection.apply(events));
            }
            logsApplied.increment(logs.size());
        }
    }

    /** The typed events of stored logs, in chain order; a large backfill range is decoded on all cores. */
    private List<ContractEvent> decode(List<ChainLog> logs, Map<Long, java.time.Instant> blockTimes) {
        var stream = logs.size() >= PARALLEL_DECODE ? logs.parallelStream() : logs.stream();
        return stream.filter(log -> !ContractEventDecoder.OTHER.equals(log.kind()))
                .map(log -> decoder.decode(log, blockTimes.get(log.blockNumber())))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private void progress(long appliedThrough, long nodeHead, java.time.Instant blockTime) {
        committedBlockTime = blockTime;
        IndexerProgress progress =
                new IndexerProgress(appliedThrough, nodeHead, confirmations.confirmedThrough(nodeHead), blockTime);
        projections.forEach(projection -> projection.onProgress(progress));
    }

    /** Finds the newest stored block the node still has and undoes everything above it. */
    private void rollBack(long from, long nodeHead) {
        long ancestor = -1;
        String ancestorHash = null;
        long next = from;
        search:
        while (true) {
            List<IndexerStore.Block> stored = store.blocksDownFrom(next, 64);
            if (stored.isEmpty()) {
                break;
            }
            List<ChainReader.Header> nodeHeaders = reader.headers(
                    stored.get(stored.size() - 1).number(), stored.get(0).number());
            Map<Long, String> nodeHashes = new HashMap<>();
            nodeHeaders.forEach(h -> nodeHashes.put(h.number(), h.hash()));
            for (IndexerStore.Block block : stored) {
                if (Objects.equals(nodeHashes.get(block.number()), block.hash())) {
                    ancestor = block.number();
                    ancestorHash = block.hash();
                    break search;
                }
            }
            next = stored.get(stored.size() - 1).number() - 1;
        }
        if (ancestor < 0) {
            ancestor = target.deploymentBlock() - 1;
            log.error(
                    "Reorg deeper than the {} stored block hashes; re-indexing from block {}",
                    properties.blockRetention(),
                    ancestor + 1);
        }
        List<ChainLog> undone = store.logsAbove(ancestor);
        log.warn(
                "Chain reorganization: block {} changed; rolling back {} blocks ({} logs) to block {}",
                from,
                from - ancestor,
                undone.size(),
                ancestor);
        List<ContractEvent> events = decode(undone, Map.of());
        if (!events.isEmpty()) {
            for (int i = projections.size() - 1; i >= 0; i--) {
                projections.get(i).undo(events);
            }
        }
        store.deleteAbove(ancestor);
        store.saveCursor(ancestor, ancestorHash, nodeHead, null);
        applied.set(ancestor);
        reorgs.increment();
        reorgDepth.record(from - ancestor);
    }

    private RuntimeException countRpc(ChainReader.RpcFailure e) {
        rpcErrors.increment();
        return e;
    }

    private void tick() {
        BackgroundWork.run("indexer", this::tickObserved);
    }

    private void tickObserved() {
        try {
            if (leadership.holds()) {
                pollNow();
                if (pausedBecause != null) {
                    log.info("Indexer running again");
                    pausedBecause = null;
                }
            }
        } catch (ChainReader.RpcFailure e) {
            paused("cannot reach the node: " + e.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCauseOf(e)) {
                paused("cannot reach the database");
            } else {
                log.error("Indexer step failed; retrying on the next poll", e);
            }
        }
    }

    /** An outage is logged once when it starts (and when it ends), not on every poll. */
    private void paused(String why) {
        if (pausedBecause == null) {
            log.warn("Indexer paused, {}; retrying every poll", why);
        } else {
            log.debug("Indexer still paused: {}", why);
        }
        pausedBecause = why;
    }

    @Override
    public synchronized void start() {
        if (task != null || !properties.enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("chain-indexer").daemon().factory());
        long interval = Math.max(10, properties.pollInterval().toMillis());
        task = scheduler.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
        log.info("Chain indexer started: polling every {} ms, {} blocks per range", interval, properties.rangeSize());
    }

    @Override
    public synchronized void stop() {
        if (task == null) {
            return;
        }
        task.cancel(false);
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        task = null;
        scheduler = null;
        leadership.release();
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }
}
