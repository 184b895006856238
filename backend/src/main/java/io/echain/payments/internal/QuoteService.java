package io.echain.payments.internal;

import io.echain.chain.ContractReads;
import io.echain.chain.ContractReverted;
import io.echain.events.EventCatalog;
import io.echain.events.EventNotFound;
import java.math.BigInteger;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Prices a purchase from the contract's state (price, capacity, sale window, cancellation, pause), so a quote that
 * succeeds is a purchase that would succeed now, and estimates its gas. The state is read once per block for all
 * callers ({@link ChainSaleState}), at most one block old; only a quote for a given sender ({@code buyer}) asks the
 * node itself, for that sender's own estimate.
 */
@Service
class QuoteService {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

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
        EventCatalog.EventSummary event = catalog.find(eventId).orElseThrow(() -> new EventNotFound(eventId));
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
        int feeBps = revenues.ofChainEvent(event.chainEventId())
                .map(RevenueRow::feeBps)
                .orElse(0);
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
}
