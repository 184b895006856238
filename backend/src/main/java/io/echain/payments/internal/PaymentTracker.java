package io.echain.payments.internal;

import io.echain.chain.ChainUnavailable;
import io.echain.chain.ContractReads;
import io.echain.chain.indexer.ContractEvent;
import io.echain.chain.indexer.IndexerStatus;
import io.echain.shared.PeriodicTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Settles payments no block holds yet: a reverted transaction becomes FAILED ("reverted"), a successful one without a
 * {@code TicketsPurchased} event of our PaymentProcessor FAILED ("not a purchase on the PaymentProcessor"), one that
 * was never mined FAILED after the timeout (counted from when it was reported or fell out of the chain). Mined,
 * successful purchases are left to the indexer, which fills the same row.
 *
 * <p><b>Per block, not per payment.</b> The tracker keeps a cursor (the last block it read) and, on each pass with
 * unmined payments, asks the node for its head ({@code eth_blockNumber}) and reads each new block's receipts with one
 * {@code eth_getBlockReceipts} call (at most {@code echain.payments.track-max-blocks} blocks per pass), matching them
 * against the unmined payments (one query). A pass without unmined payments does not call the node: it moves the
 * cursor up to the head the indexer last committed (less {@code track-recent-blocks}, see below). Receipts are asked
 * for one by one ({@code eth_getTransactionReceipt}) only:
 * <ul>
 *   <li>on the first pass with payments after a start (the cursor is unknown: payments reported before it may have
 *       been mined in any block), then the cursor starts at the head read before those receipts;</li>
 *   <li>when the cursor is more than {@code track-max-blocks} behind the head and there are fewer unmined payments
 *       than blocks to read (after a node outage), then the cursor jumps to the head;</li>
 *   <li>when the node does not offer {@code eth_getBlockReceipts} (answered "method not found": that pass, logged
 *       once);</li>
 *   <li>for a payment past the timeout, once, before it is failed (it may have been mined in a block the cursor
 *       skipped);</li>
 *   <li>for a payment that fell out of the chain (a reorg), once when it is seen unmined again: its transaction may
 *       be in a block of the new branch below the cursor.</li>
 * </ul>
 * Per-payment checks are at most 500 per pass (the oldest payments first), as many as a pass made before.
 *
 * <p><b>Late reports.</b> A report asks the node before it commits its row, so a transaction pending then may be mined
 * and its block read before the row exists. The tracker therefore keeps the failed receipts of PaymentProcessor
 * transactions of the last {@code track-recent-blocks} blocks it read and matches every unmined payment against them
 * too; and after a pass without payments it moves the cursor only to that many blocks below the known head, so the
 * next pass reads them.
 *
 * <p><b>Reorgs.</b> Only a FAILED verdict comes from the tracker, and it is what the block read said, as it was
 * what the receipt said before: a block read and then reorged out may leave a payment FAILED although its
 * transaction went back to the mempool (unless it is mined again as a purchase: the indexer then fills the row and it
 * is PENDING again). Blocks of the new branch at or below the cursor are not read again; a payment whose transaction
 * lands there is settled by its own receipt (it fell out of the chain, or it times out). A head below the cursor (a
 * shorter branch, a node reset) moves the cursor back to it.
 *
 * <p><b>Node outage.</b> A pass that cannot reach the node ({@link ChainUnavailable}, circuit breaker open) stops
 * where it is and keeps its cursor (advanced block by block, only once the block's verdicts are written); the outage
 * is logged once. Passes run one at a time.
 */
@Component
class PaymentTracker implements SmartLifecycle {

    static final String REVERTED = "reverted";
    static final String NOT_A_PURCHASE = "not a purchase on the PaymentProcessor";

    /** Unmined payments matched per pass, oldest first. */
    private static final int MAX_UNMINED = 10_000;
    /** Payments checked one by one per pass, oldest first. */
    private static final int MAX_BY_RECEIPT = 500;
    /** Failed receipts kept for late reports, whatever {@code track-recent-blocks} says. */
    private static final int MAX_RECENT_FAILURES = 10_000;

    private static final Logger log = LoggerFactory.getLogger(PaymentTracker.class);

    /** The verdict of a failed receipt. */
    private record Failure(String reason, long blockNumber) {}

    private final Payments payments;
    private final ContractReads chain;
    private final IndexerStatus indexer;
    private final Clock clock;
    private final Duration timeout;
    private final int maxBlocks;
    private final int recentBlocks;
    private final PeriodicTasks tasks;

    // Guarded by this: passes run one at a time (the scheduled one, or a test's).
    /** The last block whose receipts were read (or skipped), -1 before the first pass with payments. */
    private long cursor = -1;
    /** Failed receipts of PaymentProcessor transactions in recently read blocks, by transaction, oldest first. */
    private final LinkedHashMap<String, Failure> recentFailures = new LinkedHashMap<>();
    /** Payments that fell out of the chain and were checked by their receipt: id to the update checked. */
    private final Map<Long, Instant> fellOutChecked = new HashMap<>();

    private boolean unsupportedLogged;
    private boolean nodeDown;

    PaymentTracker(
            Payments payments,
            ContractReads chain,
            IndexerStatus indexer,
            Clock clock,
            @Value("${echain.payments.track-interval:2s}") Duration interval,
            @Value("${echain.payments.pending-timeout:15m}") Duration timeout,
            @Value("${echain.payments.track-max-blocks:20}") int maxBlocks,
            @Value("${echain.payments.track-recent-blocks:5}") int recentBlocks) {
        if (maxBlocks < 1) {
            throw new IllegalArgumentException("echain.payments.track-max-blocks must be at least 1");
        }
        if (recentBlocks < 0) {
            throw new IllegalArgumentException("echain.payments.track-recent-blocks must not be negative");
        }
        this.payments = payments;
        this.chain = chain;
        this.indexer = indexer;
        this.clock = clock;
        this.timeout = timeout;
        this.maxBlocks = maxBlocks;
        this.recentBlocks = recentBlocks;
        this.tasks = new PeriodicTasks("payment-tracker", log)
                .every(interval, interval, "Payment tracking pass", this::track);
    }

    /** One pass over the unmined payments. */
    synchronized void track() {
        List<Payments.Unmined> unmined = payments.unmined(MAX_UNMINED);
        Set<Long> ids = new HashSet<>();
        unmined.forEach(row -> ids.add(row.id()));
        fellOutChecked.keySet().retainAll(ids);
        if (unmined.isEmpty()) {
            idle();
            return;
        }
        try {
            pass(unmined);
            if (nodeDown) {
                log.info("Payment tracking reaches the node again (block {})", cursor);
                nodeDown = false;
            }
        } catch (ChainUnavailable e) {
            if (!nodeDown) {
                log.warn("Payment tracking waits for the node (at block {}): {}", cursor, e.getMessage());
                nodeDown = true;
            }
        }
    }

    /** Nothing to look for: follow the head the indexer committed, without asking the node. */
    private void idle() {
        long known = indexer.progress().head();
        if (known >= 0) {
            cursor = Math.max(cursor, known - recentBlocks);
            forgetOlderThan(cursor - recentBlocks);
        }
    }

    private void pass(List<Payments.Unmined> unmined) {
        long head = chain.headBlock();
        if (head < cursor) {
            // A shorter branch or a reset node: follow it from its head; what was read above it is gone.
            cursor = head;
            recentFailures.values().removeIf(failure -> failure.blockNumber() > head);
        }
        Instant now = clock.instant();
        List<Payments.Unmined> byReceipt = new ArrayList<>();
        Map<String, List<Payments.Unmined>> byHash = new HashMap<>();
        for (Payments.Unmined row : unmined) {
            boolean fellOutUnchecked =
                    row.fellOutOfTheChain() && !row.updatedAt().equals(fellOutChecked.get(row.id()));
            if (timedOut(row, now) || fellOutUnchecked) {
                byReceipt.add(row);
            } else {
                byHash.computeIfAbsent(row.txHash(), h -> new ArrayList<>(1)).add(row);
            }
        }
        long behind = head - cursor;
        boolean oneByOne =
                cursor < 0 || (behind > maxBlocks && unmined.size() < behind && unmined.size() <= MAX_BY_RECEIPT);
        if (!oneByOne) {
            try {
                readBlocks(head, byHash);
                matchRecentFailures(byHash);
            } catch (ContractReads.MethodNotSupported e) {
                if (!unsupportedLogged) {
                    log.warn(
                            "{}: payments are tracked by one eth_getTransactionReceipt per payment instead",
                            e.getMessage());
                    unsupportedLogged = true;
                }
                oneByOne = true;
            }
        }
        if (oneByOne) {
            byHash.values().forEach(byReceipt::addAll);
            byReceipt.sort((a, b) -> Long.compare(a.id(), b.id()));
        }
        int checked = 0;
        for (Payments.Unmined row : byReceipt) {
            if (checked++ >= MAX_BY_RECEIPT) {
                break;
            }
            settleByReceipt(row, now);
        }
        if (oneByOne) {
            // Every transaction mined up to this head was found by its receipt (the head was read first).
            cursor = Math.max(cursor, head);
            forgetOlderThan(cursor - recentBlocks);
        }
    }

    /** Reads the blocks after the cursor up to the head (at most {@code maxBlocks}), one call per block. */
    private void readBlocks(long head, Map<String, List<Payments.Unmined>> byHash) {
        String processor = chain.paymentProcessor();
        long last = Math.min(head, cursor + maxBlocks);
        for (long number = cursor + 1; number <= last; number++) {
            Optional<List<ContractReads.Receipt>> receipts = chain.blockReceipts(number);
            if (receipts.isEmpty()) {
                break; // the node lost the block meanwhile (a reorg): the next pass reads its new state
            }
            for (ContractReads.Receipt receipt : receipts.get()) {
                String reason = verdict(receipt);
                List<Payments.Unmined> rows = byHash.remove(receipt.txHash());
                if (reason == null) {
                    continue; // a successful purchase: the indexer fills its row
                }
                if (rows != null) {
                    rows.forEach(row -> payments.fail(row.id(), reason, receipt.blockNumber()));
                }
                if (processor.equals(receipt.to())) {
                    recentFailures.put(receipt.txHash(), new Failure(reason, receipt.blockNumber()));
                }
            }
            cursor = number;
        }
        forgetOlderThan(cursor - recentBlocks);
    }

    /** Payments whose transaction failed in a recently read block, reported after the block was read. */
    private void matchRecentFailures(Map<String, List<Payments.Unmined>> byHash) {
        if (recentFailures.isEmpty()) {
            return;
        }
        byHash.forEach((hash, rows) -> {
            Failure failure = recentFailures.get(hash);
            if (failure != null) {
                rows.forEach(row -> payments.fail(row.id(), failure.reason(), failure.blockNumber()));
            }
        });
    }

    /** The payment's own receipt: a verdict if mined, the timeout if not. */
    private void settleByReceipt(Payments.Unmined row, Instant now) {
        Optional<ContractReads.Receipt> receipt = chain.receipt(row.txHash());
        if (row.fellOutOfTheChain()) {
            fellOutChecked.put(row.id(), row.updatedAt());
        }
        if (receipt.isPresent()) {
            String reason = verdict(receipt.get());
            if (reason != null) {
                payments.fail(row.id(), reason, receipt.get().blockNumber());
            }
            return;
        }
        if (timedOut(row, now)) {
            payments.fail(row.id(), "not mined within " + timeout.toSeconds() + " s", null);
        }
    }

    private boolean timedOut(Payments.Unmined row, Instant now) {
        return row.updatedAt().plus(timeout).isBefore(now);
    }

    /** Why a mined transaction is not a payment, or null for a successful purchase (the indexer's to fill). */
    static String verdict(ContractReads.Receipt receipt) {
        if (!receipt.succeeded()) {
            return REVERTED;
        }
        if (receipt.events().stream().noneMatch(e -> e instanceof ContractEvent.TicketsPurchased)) {
            return NOT_A_PURCHASE;
        }
        return null;
    }

    private void forgetOlderThan(long oldestKept) {
        Iterator<Failure> failures = recentFailures.values().iterator();
        while (failures.hasNext()) {
            Failure failure = failures.next();
            if (failure.blockNumber() >= oldestKept && recentFailures.size() <= MAX_RECENT_FAILURES) {
                break;
            }
            failures.remove();
        }
    }

    /** The last block this tracker read or skipped (-1 before its first pass with payments), for tests. */
    synchronized long cursor() {
        return cursor;
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
