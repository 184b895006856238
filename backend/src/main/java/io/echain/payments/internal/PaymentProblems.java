package io.echain.payments.internal;

import io.echain.shared.ApiProblem;
import io.echain.shared.ProblemType;
import java.util.Map;

/** The payments module's problems. */
final class PaymentProblems {

    private PaymentProblems() {}

    static final class PaymentNotFound extends ApiProblem {
        PaymentNotFound(long id) {
            super(ProblemType.NOT_FOUND, "Payment " + id + " does not exist");
        }
    }

    static final class NotAPurchase extends ApiProblem {
        NotAPurchase(String txHash, String why) {
            super(
                    ProblemType.UNPROCESSABLE,
                    "Transaction " + txHash + " is not a ticket purchase on the Echain " + "PaymentProcessor: " + why,
                    Map.of("txHash", why));
        }
    }

    static final class NotYourPayment extends ApiProblem {
        NotYourPayment(long id) {
            super(ProblemType.FORBIDDEN, "Payment " + id + " belongs to another wallet");
        }
    }

    static final class NotYourTransaction extends ApiProblem {
        NotYourTransaction(String txHash) {
            super(
                    ProblemType.FORBIDDEN,
                    "Transaction " + txHash + " was sent by another wallet; only its sender " + "can track it");
        }
    }

    static final class ReportedByAnotherWallet extends ApiProblem {
        ReportedByAnotherWallet(String txHash) {
            super(
                    ProblemType.FORBIDDEN,
                    "Transaction " + txHash + " was reported by another wallet and the node does "
                            + "not know it yet; its sender can report it again once it is sent");
        }
    }

    static final class NotEventOrganizer extends ApiProblem {
        NotEventOrganizer(long id) {
            super(ProblemType.FORBIDDEN, "Only the organizer of event " + id + " or an admin may see its sales");
        }
    }

    static final class NotPurchasable extends ApiProblem {
        NotPurchasable(String detail) {
            super(ProblemType.CONFLICT, detail);
        }
    }

    static final class InvalidQuantity extends ApiProblem {
        InvalidQuantity(String detail) {
            super(ProblemType.VALIDATION, detail, Map.of("quantity", detail));
        }
    }
}
