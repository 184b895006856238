package io.echain.shared;

/** A 503: a dependency (such as the chain node) cannot be reached; the handler sets {@code Retry-After}. */
public class ServiceUnavailable extends ApiProblem {

    private final long retryAfterSeconds;

    public ServiceUnavailable(String detail, long retryAfterSeconds) {
        super(ProblemType.UNAVAILABLE, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
