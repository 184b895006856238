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
import org.springframework.transaction.support.TransactionTemplate;

/** Tracks purchases that clients report and shows payments to the wallets they concern. */
@Service
class PaymentService {

    /** A tracked payment and whether this call started tracking it. */
    record Tracked(PaymentView payment, boolean created) {}

    private final Payments payments;
    private final ContractReads chain;
    private final IndexerStatus indexer;
    private final Confirmations confirmations;
    private final TransactionTemplate transactions;

    PaymentService(
            Payments payments,
            ContractReads chain,
            IndexerStatus indexer,
            Confirmations confirmations,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.payments = payments;
        this.chain = chain;
        this.indexer = indexer;
        this.confirmations = confirmations;
    }

    /**
     * Starts tracking a purchase by its hash: PENDING at once (FAILED if it already reverted). One transaction is
     * one payment: reporting a hash again (or ten times at once) returns the same payment. The payment belongs to the
     * transaction's sender: a hash the node knows that another wallet sent is refused (403) without the payment, and
     * so is one that is not a purchaseTickets call on our PaymentProcessor (422). A hash the node does not know yet is
     * tracked for its reporter until it is mined or times out; once its sender or buyer is known, only they see it.
     * The receipt is asked for only when the node already has the transaction in a block (one node call for a pending
     * transaction, two for a mined one).
     * The node is asked before the database transaction opens, so a slow node never holds a pooled connection (in a
     * drop, thousands of reports at once would otherwise starve every other request of the pool).
     */
    Tracked submit(Caller caller, String rawHash) {
        String txHash = rawHash.toLowerCase(Locale.ROOT);
        Optional<ContractReads.SentTransaction> tx = chain.transaction(txHash);
        if (tx.isPresent()) {
            if (!caller.address().equals(tx.get().from())) {
                throw new PaymentProblems.NotYourTransaction(txHash);
            }
            if (!chain.paymentProcessor().equals(tx.get().to())) {
                throw new PaymentProblems.NotAPurchase(txHash, "it was not sent to the PaymentProcessor");
            }
            if (!chain.isPurchase(tx.get())) {
                throw new PaymentProblems.NotAPurchase(txHash, "it does not call purchaseTickets");
            }
        }
        String sender = tx.map(ContractReads.SentTransaction::from).orElse(null);
        // Only a transaction the node already holds in a block can have a receipt: reported right after sending (the
        // rule in a drop) it is still pending, and the payment tracker settles it from its block's receipts.
        Optional<ContractReads.Receipt> receipt = tx.isPresent()
                        && tx.get().mined()
                        && payments.ofTransaction(txHash).isEmpty()
                ? chain.receipt(txHash)
                : Optional.empty();
        return transactions.execute(status -> record(caller, txHash, sender, receipt));
    }

    private Tracked record(Caller caller, String txHash, String sender, Optional<ContractReads.Receipt> receipt) {
        Optional<PaymentRow> known = payments.ofTransaction(txHash);
        if (known.isPresent()) {
            return new Tracked(view(claimed(known.get(), caller, sender)), false);
        }
        PaymentStatus status = PaymentStatus.PENDING;
        String reason = null;
        if (receipt.isPresent() && !receipt.get().succeeded()) {
            status = PaymentStatus.FAILED;
            reason = "reverted";
        }
        Optional<Long> id = payments.track(txHash, caller.address(), sender, status, reason);
        if (id.isEmpty()) { // a concurrent report (or the indexer) made the row first
            return new Tracked(view(claimed(payments.ofTransaction(txHash).orElseThrow(), caller, sender)), false);
        }
        return new Tracked(view(payments.find(id.get()).orElseThrow()), true);
    }

    /** The existing payment of a transaction the caller reports again; its sender is recorded once known. */
    private PaymentRow claimed(PaymentRow row, Caller caller, String sender) {
        if (sender != null && row.sender() == null) {
            payments.setSender(row.id(), sender); // sender == caller, checked against the node
            return payments.find(row.id()).orElseThrow();
        }
        if (!row.visibleTo(caller.address())) {
            throw new PaymentProblems.ReportedByAnotherWallet(row.txHash());
        }
        return row;
    }

    PaymentView get(Caller caller, long id) {
        PaymentRow row = payments.find(id).orElseThrow(() -> new PaymentProblems.PaymentNotFound(id));
        if (!row.visibleTo(caller.address()) && !caller.isAdmin()) {
            throw new PaymentProblems.NotYourPayment(id);
        }
        return view(row);
    }

    List<PaymentView> of(Caller caller) {
        IndexerProgress progress = indexer.progress();
        return payments.of(caller.address(), 200).stream()
                .map(r -> PaymentView.of(r, progress, confirmations))
                .toList();
    }

    List<PaymentView> ofEvent(long eventId) {
        IndexerProgress progress = indexer.progress();
        return payments.ofEvent(eventId).stream()
                .map(r -> PaymentView.of(r, progress, confirmations))
                .toList();
    }

    private PaymentView view(PaymentRow row) {
        return PaymentView.of(row, indexer.progress(), confirmations);
    }
}
