package io.echain.checkin.internal;

import io.echain.shared.ApiProblem;
import io.echain.shared.ProblemType;

/** The checkin module's problems. */
final class CheckinProblems {

    private CheckinProblems() {}

    static final class NotDoorStaff extends ApiProblem {
        NotDoorStaff(long eventId) {
            super(
                    ProblemType.FORBIDDEN,
                    "Only door staff of event " + eventId + ", its organizer or an admin may scan its tickets");
        }
    }

    static final class NotEventOrganizer extends ApiProblem {
        NotEventOrganizer(long eventId) {
            super(ProblemType.FORBIDDEN, "Only the organizer of event " + eventId + " or an admin may do this");
        }
    }

    static final class ScanIdTaken extends ApiProblem {
        ScanIdTaken(java.util.UUID scanId) {
            super(
                    ProblemType.CONFLICT,
                    "scanId " + scanId + " was already used for a scan of another event or by another scanner",
                    java.util.Map.of("scanId", "is already used by another scan"));
        }
    }
}
