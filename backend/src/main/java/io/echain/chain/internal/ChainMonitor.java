package io.echain.chain.internal;

import io.echain.chain.ChainProperties;
import io.echain.chain.indexer.IndexerProgress;
import io.echain.chain.indexer.IndexerStatus;
import io.echain.shared.PeriodicTasks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * Watches the node: every probe interval it asks for the head block (through the node's circuit breaker, so an open
 * breaker is probed back), and when the node answers after an outage (or for the first time) it checks chain id and
 * contract code before the chain features resume ({@link ChainAvailability}). It also reads, from PostgreSQL, how far
 * the indexer got (on every instance, whichever one indexes), so the lag gauges compare the projection with the
 * node's real head: {@code echain_indexer_lag_blocks} grows while the indexer is stuck and
 * {@code echain_indexer_lag_seconds} is the age of the last applied block.
 */
class ChainMonitor implements SmartLifecycle {

    /** What is known about the node and the indexer right now. */
    record Snapshot(
            boolean reachable,
            String error,
            Instant downSince,
            long headBlock,
            Instant headTime,
            long appliedBlock,
            Instant appliedBlockTime) {

        /** Blocks between the node's head and the last applied block; -1 while either is unknown. */
        long lagBlocks() {
            return headBlock < 0 || appliedBlock < 0 ? -1 : Math.max(0, headBlock - appliedBlock);
        }
    }

    /** A probe that has not come back for this long already counts as the node not answering. */
    static final Duration STUCK = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ChainMonitor.class);

    private final Web3j probeClient;
    private final ChainStartupCheck check;
    private final ChainAvailability availability;
    private final ChainProperties properties;
    private final ObjectProvider<IndexerStatus> indexer;
    private final PeriodicTasks tasks;
    private volatile boolean reachable;
    private volatile String error = "not probed yet";
    private volatile Instant downSince;
    private volatile long head = -1;
    private volatile Instant headTime;
    private volatile long probeStarted;
    private volatile long applied = -1;
    private volatile Instant appliedTime;
    /** When this monitor first saw the current applied block: the lag grows while stuck even on a skewed chain clock. */
    private volatile Instant appliedSeen;

    ChainMonitor(
            Web3j probeClient,
            ChainStartupCheck check,
            ChainAvailability availability,
            ChainProperties properties,
            NodeResilience resilience,
            ObjectProvider<IndexerStatus> indexer,
            ObjectProvider<MeterRegistry> meters) {
        this.probeClient = probeClient;
        this.check = check;
        this.availability = availability;
        this.properties = properties;
        Duration interval = resilience.probeInterval().compareTo(Duration.ofMillis(50)) < 0
                ? Duration.ofMillis(50)
                : resilience.probeInterval();
        this.tasks = new PeriodicTasks("chain-monitor", log)
                .every(interval, interval, "Chain monitor probe", this::probe)
                .every(interval, interval, "Chain monitor progress", this::refreshProgress);
        this.indexer = indexer;
        meters.ifAvailable(this::registerGauges);
    }

    private void registerGauges(MeterRegistry meters) {
        Gauge.builder("echain.chain.node.up", this, m -> m.snapshot().reachable() && m.availability.isReady() ? 1 : 0)
                .description("1 while the node answers and matches the configuration, else 0")
                .register(meters);
        Gauge.builder("echain.chain.head.block", this, m -> m.head)
                .description("The node's latest block as last seen (-1 before the node answered)")
                .register(meters);
        Gauge.builder("echain.chain.head.age", this, m -> ageSeconds(m.headTime))
                .baseUnit("seconds")
                .description("Seconds since the node's latest block was produced")
                .register(meters);
        Gauge.builder("echain.indexer.lag.blocks", this, m -> m.snapshot().lagBlocks())
                .description("Blocks between the node's head and the last block applied by the indexer")
                .register(meters);
        Gauge.builder(
                        "echain.indexer.lag",
                        this,
                        m -> m.appliedTime == null
                                ? Double.NaN
                                : Math.max(ageSeconds(m.appliedTime), ageSeconds(m.appliedSeen)))
                .baseUnit("seconds")
                .description("Seconds since the last block applied by the indexer was produced")
                .register(meters);
    }

    private static double ageSeconds(Instant time) {
        return time == null
                ? Double.NaN
                : Math.max(0, Duration.between(time, Instant.now()).toMillis() / 1000.0);
    }

    Snapshot snapshot() {
        long started = probeStarted;
        boolean stuck = started != 0 && System.nanoTime() - started > STUCK.toNanos();
        String problem = stuck ? "no answer for " + (System.nanoTime() - started) / 1_000_000 + " ms" : error;
        return new Snapshot(
                reachable && !stuck,
                reachable && !stuck ? null : problem,
                downSince,
                head,
                headTime,
                applied,
                appliedTime);
    }

    /** One probe: head block; after an outage (or the first time) the chain id and code check. */
    void probe() {
        probeStarted = System.nanoTime();
        try {
            EthBlock response = probeClient
                    .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
                    .send();
            if (response.hasError() || response.getBlock() == null) {
                throw new IOException("eth_getBlockByNumber failed: "
                        + (response.hasError() ? response.getError().getMessage() : "no block"));
            }
            head = response.getBlock().getNumber().longValueExact();
            headTime = Instant.ofEpochSecond(response.getBlock().getTimestamp().longValueExact());
            if (!reachable) {
                log.info("The chain node answers again (head block {})", head);
            }
            reachable = true;
            error = null;
            downSince = null;
            if (!availability.isReady()) {
                verify();
            }
        } catch (IOException | RuntimeException e) {
            String message = describe(e);
            if (reachable || downSince == null) {
                downSince = Instant.now();
                log.warn("The chain node does not answer: {}", e.toString());
            }
            reachable = false;
            error = message;
            if (availability.isReady()) {
                availability.unverified("the node does not answer (" + message + ")");
            }
        } finally {
            probeStarted = 0;
        }
    }

    /**
     * Why a call failed, in words fit for health output and logs: never the node's URL (providers put API keys in
     * it) nor addresses behind it.
     */
    static String describe(Throwable e) {
        return switch (e) {
            case ChainAvailability.ChainPaused paused -> paused.getMessage();
            case ResilientWeb3jService.CircuitOpen open -> open.getMessage();
            case java.io.InterruptedIOException timeout -> "no answer within the deadline";
            case java.net.ConnectException refused -> "connection refused";
            case java.net.UnknownHostException unknown -> "unknown host";
            case org.web3j.protocol.exceptions.ClientConnectionException http ->
                "HTTP error: " + String.valueOf(http.getMessage()).replaceAll("(?s);.*", "");
            case IOException io when io.getClass() == IOException.class -> String.valueOf(io.getMessage());
            case IOException io -> "I/O error (" + io.getClass().getSimpleName() + ")";
            default -> e.getClass().getSimpleName();
        };
    }

    private void verify() {
        if (!properties.verifyOnStartup()) {
            availability.ready();
            return;
        }
        try {
            check.verify();
            availability.ready();
        } catch (ChainStartupCheck.ChainMisconfigured e) {
            availability.misconfigured(e.getMessage());
        } catch (ChainStartupCheck.NodeUnreachable e) {
            error = e.getMessage();
        }
    }

    /** Reads how far the indexer got (committed by whichever instance indexes). */
    void refreshProgress() {
        IndexerStatus status = indexer.getIfAvailable();
        if (status == null) {
            return;
        }
        try {
            IndexerProgress progress = status.progress();
            if (progress.appliedThrough() != applied || appliedSeen == null) {
                appliedSeen = Instant.now();
            }
            applied = progress.appliedThrough();
            appliedTime = progress.blockTime();
        } catch (RuntimeException e) {
            log.debug("Cannot read the indexer's progress: {}", e.toString()); // the database is down: keep the last
        }
    }

    @Override
    public synchronized void start() {
        if (tasks.isRunning()) {
            return;
        }
        probe();
        refreshProgress();
        tasks.start();
    }

    @Override
    public void stop() {
        tasks.stop();
    }

    @Override
    public boolean isRunning() {
        return tasks.isRunning();
    }
}
