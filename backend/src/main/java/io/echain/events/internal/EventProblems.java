package io.echain.events.internal;

import io.echain.shared.ApiProblem;
import io.echain.shared.ProblemType;

/** The events module's problems, named after what went wrong. */
final class EventProblems {

    private EventProblems() {}

    static final class NotEventOrganizer extends ApiProblem {
        NotEventOrganizer(long id) {
            super(ProblemType.FORBIDDEN, "Only the organizer of event " + id + " or an admin may change it");
        }
    }

    static final class EventNotEditable extends ApiProblem {
        EventNotEditable(long id, EventStatus status) {
            super(ProblemType.CONFLICT, "Event " + id + " is " + status + " and can no longer be changed");
        }
    }

    static final class CapacityBelowSold extends ApiProblem {
        CapacityBelowSold(int capacity, int sold) {
            super(
                    ProblemType.CONFLICT,
                    "Capacity " + capacity + " is below the " + sold + " tickets already sold",
                    java.util.Map.of("capacity", "must be at least " + sold));
        }
    }

    static final class TransferLockFixed extends ApiProblem {
        TransferLockFixed(long id, boolean locked) {
            super(
                    ProblemType.CONFLICT,
                    "Event " + id + " was created with transferLocked " + locked
                            + "; it is fixed on chain at registration and cannot change",
                    java.util.Map.of("transferLocked", "is fixed at creation (" + locked + ")"));
        }
    }

    static final class EventVersionMismatch extends ApiProblem {
        EventVersionMismatch(long id, long current) {
            super(
                    ProblemType.PRECONDITION_FAILED,
                    "Event " + id + " was changed meanwhile (now version " + current
                            + "); fetch it again and retry with its ETag");
        }
    }

    static final class IfMatchRequired extends ApiProblem {
        IfMatchRequired() {
            super(
                    ProblemType.PRECONDITION_REQUIRED,
                    "Send the event's ETag in If-Match so concurrent edits cannot overwrite each other");
        }
    }
}
