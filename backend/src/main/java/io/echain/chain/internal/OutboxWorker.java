package io.echain.chain.internal;

import io.echain.chain.ChainProperties;
import io.echain.chain.Confirmations;
import io.echain.chain.EventListings;
import io.echain.chain.contracts.EventTicketNFT;
import io.echain.chain.contracts.PaymentProcessor;
import io.echain.shared.BackgroundThread;
import io.echain.shared.BackgroundWork;
import io.echain.shared.DatabaseOutage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * One background thread that, while this instance holds the outbox lock, tracks sent transactions and sends due
 * commands (oldest first, one event's commands in order). It runs every poll interval and at once when a change
 * commits. Without an operator key (or with {@code echain.chain.outbox.enabled=false}) it does not run.
 */
@Component
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final ChainProperties properties;
    private final ChainCommands commands;
    private final Leadership leadership;
    private final OutboxSender sender;
    private final OutboxTracker tracker;
    private final Semaphore signal = new Semaphore(0);
    private final BackgroundThread thread = new BackgroundThread("chain-outbox", Duration.ofSeconds(10));
    private volatile String pausedBecause;

    OutboxWorker(
            ChainProperties properties,
            ChainCommands commands,
            EventListings events,
            ApplicationEventPublisher publisher,
            @Qualifier("backgroundWeb3j") Web3j web3j,
            DataSource dataSource,
            Confirmations confirmations,
            MeterRegistry meters) {
        this.properties = properties;
        this.commands = commands;
        this.leadership = new Leadership(dataSource, Leadership.OUTBOX, "outbox", meters);
        boolean hasKey =
                properties.operatorKey() != null && !properties.operatorKey().isBlank();
        if (!hasKey) {
            this.sender = null;
            this.tracker = null;
            return;
        }
        OperatorAccount operator =
                new OperatorAccount(web3j, Credentials.create(properties.operatorKey()), properties.chainId());
        OperatorNonces nonces = new OperatorNonces(web3j, commands, operator.address());
        OutboxState state = new OutboxState(commands, events, publisher);
        var readOnly = new ReadonlyTransactionManager(web3j, operator.address());
        var noGas = new StaticGasProvider(java.math.BigInteger.ZERO, java.math.BigInteger.ZERO);
        this.sender = new OutboxSender(
                state,
                operator,
                nonces,
                EventTicketNFT.load(properties.ticketNft(), web3j, readOnly, noGas),
                PaymentProcessor.load(properties.paymentProcessor(), web3j, readOnly, noGas),
                properties.outbox().maxAttempts(),
                properties.outbox().retryDelay());
        this.tracker = new OutboxTracker(web3j, state, operator, nonces, confirmations);
    }

    /** Runs a round soon (after a change committed). */
    void wake() {
        signal.release();
    }

    @Override
    public void start() {
        if (!properties.outbox().enabled() || sender == null) {
            log.warn(
                    "Chain outbox worker not running ({}): events are not put on chain by this instance",
                    sender == null ? "no echain.chain.operator-key" : "echain.chain.outbox.enabled=false");
            return;
        }
        thread.start(this::loop);
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.running();
    }

    private void loop() {
        while (thread.running()) {
            BackgroundWork.run("outbox", this::roundIfLeader);
            try {
                signal.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
            } catch (InterruptedException e) {
                break;
            }
        }
        leadership.release();
    }

    private void roundIfLeader() {
        try {
            if (leadership.holds()) {
                round();
            }
            if (pausedBecause != null) {
                log.info("Chain outbox running again");
                pausedBecause = null;
            }
        } catch (OutboxSender.NodeDown e) {
            paused("chain node unreachable: " + e.getMessage());
        } catch (RuntimeException e) {
            if (!thread.running()) {
                return;
            }
            if (DatabaseOutage.isCauseOf(e)) {
                paused("database unreachable");
            } else {
                log.error("Chain outbox round failed", e);
            }
        }
    }

    /** An outage is logged once when it starts (and when it ends), not on every round. */
    private void paused(String why) {
        if (pausedBecause == null) {
            log.warn("Chain outbox paused, {}", why);
        } else {
            log.debug("Chain outbox still paused: {}", why);
        }
        pausedBecause = why;
    }

    private void round() throws OutboxSender.NodeDown {
        tracker.track();
        for (ChainCommand command : commands.dueToSend(properties.outbox().batchSize())) {
            if (!thread.running()) {
                return;
            }
            sender.send(command);
        }
    }
}
