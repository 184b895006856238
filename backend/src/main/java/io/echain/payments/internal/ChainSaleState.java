package io.echain.payments.internal;

import io.echain.chain.ContractReads;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The chain state quotes are answered from, read once per block whatever the number of visitors: the contract-wide
 * facts (pause, per-purchase limit, fee per gas, latest block: one batched node request) and each quoted event's sale state (one
 * {@code getEvent} call), both kept until the indexer reports a new head ({@link #onHead}). Concurrent quotes of a
 * new block wait for the one read in flight instead of each asking the node. When no head report arrives for
 * {@code max-age} (another instance indexes, or the indexer stalls), the state is re-read at most once per
 * {@code max-age}. The shared gas estimate of a purchase ({@link #sharedEstimate}) depends on the event, the
 * quantity and the price only, so it is kept until the price changes or for {@code estimate-ttl}.
 */
@Component
class ChainSaleState {

    private record Entry(long generation, CompletableFuture<Object> value) {}

    private record EstimateKey(BigInteger chainEventId, int quantity, BigInteger price) {}

    private record Estimated(long at, Optional<BigInteger> gas) {}

    private static final Object GLOBALS = new Object();

    private final ContractReads chain;
    private final long maxAgeNanos;
    private final long estimateTtlNanos;
    private final ConcurrentMap<Object, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<EstimateKey, Estimated> estimates = new ConcurrentHashMap<>();
    private volatile long head = -1;
    private volatile long headSeenAt;

    ChainSaleState(
            ContractReads chain,
            @Value("${echain.payments.quote.max-age:2s}") Duration maxAge,
            @Value("${echain.payments.quote.estimate-ttl:1m}") Duration estimateTtl) {
        this.chain = chain;
        this.maxAgeNanos = Math.max(1, maxAge.toNanos());
        this.estimateTtlNanos = estimateTtl.toNanos();
    }

    /** The indexer saw this head (on every poll, new or not). */
    void onHead(long nodeHead) {
        headSeenAt = System.nanoTime();
        head = nodeHead;
    }

    ContractReads.SaleGlobals globals() {
        return get(GLOBALS, chain::saleGlobals);
    }

    Optional<ContractReads.OnChainEvent> event(BigInteger chainEventId) {
        return get(chainEventId, () -> chain.event(chainEventId));
    }

    /**
     * The gas of buying {@code quantity} tickets at {@code price} for a first-time buyer, estimated at most once per
     * {@code estimate-ttl} and price; empty if the node cannot estimate it now (sold out meanwhile, ...).
     */
    Optional<BigInteger> sharedEstimate(
            BigInteger chainEventId, int quantity, BigInteger price, ContractReads.Call call) {
        EstimateKey key = new EstimateKey(chainEventId, quantity, price);
        long now = System.nanoTime();
        Estimated cached = estimates.get(key);
        if (cached != null && now - cached.at() < estimateTtlNanos) {
            return cached.gas();
        }
        Estimated fresh = new Estimated(
                now, Optional.ofNullable(chain.estimateForAnyone(call).gas()));
        if (estimates.size() > 10_000) {
            estimates.clear(); // bounded: a few hot events times ten quantities is the normal size
        }
        estimates.put(key, fresh);
        return fresh.gas();
    }

    /** The value of the current generation under {@code key}, loading it once for all concurrent callers. */
    @SuppressWarnings("unchecked")
    private <T> T get(Object key, Supplier<T> load) {
        long generation = generation();
        while (true) {
            Entry current = entries.get(key);
            if (current != null && current.generation() == generation) {
                return (T) join(current.value());
            }
            if (current == null && entries.size() > 10_000) {
                entries.clear(); // bounded: only events quoted in the current block need an entry
            }
            Entry fresh = new Entry(generation, new CompletableFuture<>());
            boolean won =
                    current == null ? entries.putIfAbsent(key, fresh) == null : entries.replace(key, current, fresh);
            if (!won) {
                continue;
            }
            try {
                T value = load.get();
                fresh.value().complete(value);
                return value;
            } catch (RuntimeException e) {
                entries.remove(key, fresh); // a failed read is not kept: the next quote asks again
                fresh.value().completeExceptionally(e);
                throw e;
            }
        }
    }

    /**
     * Which state is current: the head the indexer reported while it reports, else a time slot of {@code max-age}
     * (shifted above every block number, so a slot never compares equal to a head).
     */
    private long generation() {
        long now = System.nanoTime();
        long h = head;
        if (h >= 0 && now - headSeenAt <= maxAgeNanos) {
            return h;
        }
        return (1L << 40) + now / maxAgeNanos;
    }

    private static Object join(CompletableFuture<Object> value) {
        try {
            return value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
