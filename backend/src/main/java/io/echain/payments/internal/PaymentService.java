package io.echain.payments.internal;

import io.echain.chain.Confirmations;
import io.echain.chain.ContractReads;
import io.echain.chain.indexer.IndexerProgress;
import io.echain.chain.indexer.IndexerStatus;
import io.echain.identity.Caller;
import io.echain.payments.PaymentStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tracks purchases that clients report and shows payments to the wallets they concern. */
@Service
class PaymentService {

    /** A tracked payment and whether this call started tracking it. */
    record Tracked(PaymentView payment, boolean created) {
    }

    private final Payments payments;
    private final ContractReads chain;
    private final IndexerStatus indexer;
    private final Confirmations confirmations;

    PaymentService(Payments payments, ContractReads chain, IndexerStatus indexer, Confirmations confirmations) {
        this.payments = payments;
        this.chain = chain;
        this.indexer = indexer;
        this.confirmations = confirmations;
    }

    /**
     * Starts tracking a purchase by its hash: PENDING at once (FAILED if it already reverted). A hash the
     * node knows that is not a purchaseTickets call on our PaymentProcessor is refused; an unknown hash is
     * tracked until it is mined or times out. Reporting a hash again returns the same payment.
     */
    @Transactional
    Tracked submit(Caller caller, String rawHash) {
        String txHash = rawHash.toLowerCase(Locale.ROOT);
        Optional<PaymentRow> known = payments.firstOfTx(txHash);
        if (known.isPresent()) {
            payments.claim(known.get().id(), caller.address());
            return new Tracked(view(known.get()), false);
        }
        Optional<ContractReads.SentTransaction> tx = chain.transaction(txHash);
        if (tx.isPresent()) {
            if (!chain.paymentProcessor().equals(tx.get().to())) {
                throw new PaymentProblems.NotAPurchase(txHash, "it was not sent to the PaymentProcessor");
            }
            if (!chain.isPurchase(tx.get())) {
                throw new PaymentProblems.NotAPurchase(txHash, "it does not call purchaseTickets");
            }
        }
        PaymentStatus status = PaymentStatus.PENDING;
        String reason = null;
        Optional<ContractReads.Receipt> receipt = tx.isPresent() ? chain.receipt(txHash) : Optional.empty();
        if (receipt.isPresent() && !receipt.get().succeeded()) {
            status = PaymentStatus.FAILED;
            reason = "reverted";
        }
        long id = payments.track(txHash, caller.address(), status, reason);
        return new Tracked(view(payments.find(id).orElseThrow()), true);
    }

    PaymentView get(Caller caller, long id) {
        PaymentRow row = payments.find(id).orElseThrow(() -> new PaymentProblems.PaymentNotFound(id));
        boolean mine = caller.address().equals(row.buyer()) || caller.address().equals(row.submittedBy());
        if (!mine && !caller.isAdmin()) {
            throw new PaymentProblems.NotYourPayment(id);
        }
        return view(row);
    }

    List<PaymentView> of(Caller caller) {
        IndexerProgress progress = indexer.progress();
        return payments.of(caller.address(), 200).stream().map(r -> PaymentView.of(r, progress, confirmations)).toList();
    }

    List<PaymentView> ofEvent(long eventId) {
        IndexerProgress progress = indexer.progress();
        return payments.ofEvent(eventId).stream().map(r -> PaymentView.of(r, progress, confirmations)).toList();
    }

    private PaymentView view(PaymentRow row) {
        return PaymentView.of(row, indexer.progress(), confirmations);
    }
}
