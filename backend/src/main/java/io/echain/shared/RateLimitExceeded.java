package io.echain.shared;

/** A 429; the handler sets {@code Retry-After} to {@link #retryAfterSeconds()}. */
public class RateLimitExceeded extends ApiProblem {

    private final long retryAfterSeconds;

    public RateLimitExceeded(String scope, long retryAfterSeconds) {
        super(ProblemType.RATE_LIMITED, "Rate limit for " + scope + " exceeded; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
