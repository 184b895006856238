package io.echain.payments.internal;

import io.echain.chain.ContractReads;
import io.echain.chain.indexer.ContractEvent;
import io.echain.shared.PeriodicTasks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Settles payments no block holds yet: a reverted transaction becomes FAILED; one that was never mined
 * becomes FAILED after the timeout (counted from when it was reported or fell out of the chain). Mined,
 * successful purchases are left to the indexer, which fills the same row.
 */
@Component
class PaymentTracker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PaymentTracker.class);

    private final Payments payments;
    private final ContractReads chain;
    private final Clock clock;
    private final Duration timeout;
    private final PeriodicTasks tasks;

    PaymentTracker(
            Payments payments,
            ContractReads chain,
            Clock clock,
            @Value("${echain.payments.track-interval:2s}") Duration interval,
            @Value("${echain.payments.pending-timeout:15m}") Duration timeout) {
        this.payments = payments;
        this.chain = chain;
        this.clock = clock;
        this.timeout = timeout;
        this.tasks = new PeriodicTasks("payment-tracker", log)
                .every(interval, interval, "Payment tracking pass", this::track);
    }

    /** One pass over the unmined payments. */
    void track() {
        for (PaymentRow row : payments.unmined(500)) {
            Optional<ContractReads.Receipt> receipt = chain.receipt(row.txHash());
            if (receipt.isPresent()) {
                ContractReads.Receipt r = receipt.get();
                if (!r.succeeded()) {
                    payments.fail(row.id(), "reverted", r.blockNumber());
                } else if (r.events().stream().noneMatch(e -> e instanceof ContractEvent.TicketsPurchased)) {
                    payments.fail(row.id(), "not a purchase on the PaymentProcessor", r.blockNumber());
                }
                continue;
            }
            if (row.updatedAt().plus(timeout).isBefore(clock.instant())) {
                payments.fail(row.id(), "not mined within " + timeout.toSeconds() + " s", null);
            }
        }
    }

    @Override
    public void start() {
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
