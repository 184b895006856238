package io.echain.payments.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.echain.chain.ContractReads;
import io.echain.chain.ContractReverted;
import io.echain.events.EventCancelled;
import io.echain.events.EventCatalog;
import io.echain.events.EventChanged;
import io.echain.events.EventNotFound;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Prices a purchase from the contract's state (price, capacity, sale window, cancellation, pause), so a quote that
 * succeeds is a purchase that would succeed now, and estimates its gas. The state is read once per block for all
 * callers ({@link ChainSaleState}), at most one block old; only a quote for a given sender ({@code buyer}) asks the
 * node itself, for that sender's own estimate. What it needs from PostgreSQL is kept in memory too, so a drop's
 * thousands of quotes a second cost the database nothing: an on-sale event's summary for {@link #SUMMARY_TTL} (evicted
 * at once by this instance's edits and cancellations; the contract's state, read per block, decides anyway), and the
 * platform fee of each registered event, which its registration fixed.
 */
@Service
class QuoteService {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);
    static final Duration SUMMARY_TTL = Duration.ofSeconds(1);

    private final Cache<Long, EventCatalog.EventSummary> onSale = Caffeine.newBuilder()
            .expireAfterWrite(SUMMARY_TTL)
            .maximumSize(10_000)
            .build();
    private final Cache<BigInteger, Integer> feeBps =
            Caffeine.newBuilder().maximumSize(100_000).build();

    private final EventCatalog catalog;
    private final ContractReads chain;
    private final ChainSaleState state;
    private final Revenues revenues;

    QuoteService(EventCatalog catalog, ContractReads chain, ChainSaleState state, Revenues revenues) {
        this.catalog = catalog;
        this.chain = chain;
        this.state = state;
        this.revenues = revenues;
    }

    /** @param buyer the sender to estimate the gas for (its own node call), or null for the shared estimate */
    QuoteView quote(long eventId, int quantity, String buyer) {
        EventCatalog.EventSummary event = summary(eventId);
        if (quantity < 1) {
            throw new PaymentProblems.InvalidQuantity("must be at least 1");
        }
        if (event.cancelled()) {
            throw new PaymentProblems.NotPurchasable("Event " + eventId + " is cancelled");
        }
        if (event.chainEventId() == null) {
            throw new PaymentProblems.NotPurchasable(
                    "Event " + eventId + " is not on sale yet: it is not registered on chain");
        }
        ContractReads.OnChainEvent onChain = state.event(event.chainEventId())
                .orElseThrow(() -> new PaymentProblems.NotPurchasable(
                        "Event " + eventId + " is not on sale yet: its registration is not on chain"));
        ContractReads.SaleGlobals globals = state.globals();
        int max = globals.maxTicketsPerPurchase();
        if (quantity > max) {
            throw new PaymentProblems.InvalidQuantity("must be at most " + max + " per purchase");
        }
        if (onChain.cancelled()) {
            throw new PaymentProblems.NotPurchasable("Event " + eventId + " is cancelled");
        }
        Instant now = globals.blockTime();
        if (now.isBefore(onChain.saleStart())) {
            throw new PaymentProblems.NotPurchasable("Ticket sales of event " + eventId + " have not started yet");
        }
        if (!now.isBefore(onChain.saleEnd())) {
            throw new PaymentProblems.NotPurchasable("Ticket sales of event " + eventId + " have ended");
        }
        if (globals.paused()) {
            throw new PaymentProblems.NotPurchasable("Ticket sales are paused");
        }
        long remaining = onChain.remaining();
        if (remaining <= 0) {
            throw new PaymentProblems.NotPurchasable("Event " + eventId + " is sold out");
        }
        if (quantity > remaining) {
            throw new PaymentProblems.NotPurchasable(
                    "Only " + remaining + " tickets of event " + eventId + " are left");
        }
        BigInteger total = onChain.price().multiply(BigInteger.valueOf(quantity));
        int feeBps = feeBps(event.chainEventId());
        ContractReads.Call call = chain.purchase(event.chainEventId(), quantity, total);
        BigInteger gas = null;
        if (buyer != null) {
            ContractReads.Estimate estimate = chain.estimate(buyer, call);
            estimate.revert().ifPresent(revert -> {
                throw ContractReverted.of(revert); // the state changed since it was read above: sold out meanwhile, ...
            });
            gas = estimate.gas(); // null when the sender cannot pay: the quote stands, without a gas figure
        } else {
            gas = state.sharedEstimate(event.chainEventId(), quantity, onChain.price(), call)
                    .orElse(null);
        }
        BigInteger feePerGas = globals.gasPrice();
        return new QuoteView(
                eventId,
                event.chainEventId().toString(),
                quantity,
                onChain.price().toString(),
                total.toString(),
                total.multiply(BigInteger.valueOf(feeBps)).divide(BPS).toString(),
                feeBps,
                (int) remaining,
                max,
                gas == null ? null : gas.toString(),
                feePerGas.toString(),
                gas == null ? null : gas.multiply(feePerGas).toString(),
                call.to(),
                call.data(),
                call.value().toString());
    }

    private EventCatalog.EventSummary summary(long eventId) {
        EventCatalog.EventSummary cached = onSale.getIfPresent(eventId);
        if (cached != null) {
            return cached;
        }
        EventCatalog.EventSummary event = catalog.find(eventId).orElseThrow(() -> new EventNotFound(eventId));
        if (event.chainEventId() != null && !event.cancelled()) {
            onSale.put(eventId, event); // only what can be quoted: a registration or cancellation shows at once
        }
        return event;
    }

    /** The fee its registration set; 0 (not kept) while the registration is not indexed yet. */
    private int feeBps(BigInteger chainEventId) {
        Integer cached = feeBps.getIfPresent(chainEventId);
        if (cached != null) {
            return cached;
        }
        return revenues.ofChainEvent(chainEventId)
                .map(row -> {
                    feeBps.put(chainEventId, row.feeBps());
                    return row.feeBps();
                })
                .orElse(0);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EventChanged changed) {
        onSale.invalidate(changed.eventId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EventCancelled cancelled) {
        onSale.invalidate(cancelled.eventId());
    }
}
