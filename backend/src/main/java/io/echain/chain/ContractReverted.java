package io.echain.chain;

import io.echain.shared.ApiProblem;
import io.echain.shared.ProblemType;
import java.util.Map;

/**
 * A contract call would revert (or did): a client-facing problem with a readable detail, e.g. sold out → 409. Use
 * {@link #of(ContractErrors.Revert)} to map a decoded revert.
 */
public class ContractReverted extends ApiProblem {

    private final transient ContractErrors.Revert revert;

    public ContractReverted(ProblemType type, String detail, Map<String, String> errors, ContractErrors.Revert revert) {
        super(type, detail, errors);
        this.revert = revert;
    }

    public ContractErrors.Revert revert() {
        return revert;
    }

    /** The problem a client sees for a revert of a purchase or an event change. */
    public static ContractReverted of(ContractErrors.Revert revert) {
        return switch (revert.reason()) {
            case "ExceedsCapacity" ->
                new ContractReverted(
                        ProblemType.CONFLICT,
                        revert.uint(2).signum() == 0
                                ? "Event " + revert.uint(0) + " is sold out"
                                : "Only " + revert.uint(2) + " tickets of event " + revert.uint(0) + " are left, "
                                        + revert.uint(1) + " were requested",
                        Map.of(),
                        revert);
            case "SaleNotOpen" ->
                new ContractReverted(
                        ProblemType.CONFLICT,
                        "Tickets of event " + revert.uint(0)
                                + " are not on sale now (sale window " + revert.uint(1) + " to " + revert.uint(2)
                                + ", Unix seconds)",
                        Map.of(),
                        revert);
            case "EventIsCancelled" ->
                new ContractReverted(
                        ProblemType.CONFLICT, "Event " + revert.uint(0) + " was cancelled", Map.of(), revert);
            case "EventEnded" ->
                new ContractReverted(ProblemType.CONFLICT, "Event " + revert.uint(0) + " has ended", Map.of(), revert);
            case "SalesPaused" ->
                new ContractReverted(ProblemType.CONFLICT, "Ticket sales are paused", Map.of(), revert);
            case "EventNotFound" ->
                new ContractReverted(
                        ProblemType.NOT_FOUND,
                        "Event " + revert.uint(0) + " is not registered on chain",
                        Map.of(),
                        revert);
            case "Underpayment", "Overpayment" ->
                new ContractReverted(
                        ProblemType.VALIDATION,
                        "The payment must be exactly " + revert.uint(0) + " wei, not " + revert.uint(1),
                        Map.of("value", "must be " + revert.uint(0) + " wei"),
                        revert);
            case "InvalidQuantity" ->
                new ContractReverted(
                        ProblemType.VALIDATION,
                        "Quantity must be between 1 and " + revert.uint(1),
                        Map.of("quantity", "must be between 1 and " + revert.uint(1)),
                        revert);
            default ->
                new ContractReverted(
                        ProblemType.CONFLICT, "The contract rejected the call: " + revert, Map.of(), revert);
        };
    }
}
