package io.echain.tickets.internal;

import io.echain.shared.ApiProblem;
import io.echain.shared.ProblemType;

/** The tickets module's problems. */
final class TicketProblems {

    private TicketProblems() {}

    static final class TicketNotFound extends ApiProblem {
        TicketNotFound(String tokenId) {
            super(ProblemType.NOT_FOUND, "Ticket " + tokenId + " does not exist");
        }
    }
}
