package io.echain.events;

import io.echain.shared.ApiProblem;
import io.echain.shared.ProblemType;

/** No event has this id: a 404 for every module that looks events up. */
public final class EventNotFound extends ApiProblem {

    public EventNotFound(long id) {
        super(ProblemType.NOT_FOUND, "Event " + id + " does not exist");
    }
}
