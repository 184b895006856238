package io.echain.identity.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code echain.sign.ins{outcome, reason}}: SIWE verifications accepted, and rejected by the part of the message that
 * failed (signature, nonce, domain, …; {@code other} for anything unforeseen, so the tag stays bounded).
 */
@Component
class SignInMetrics {

    static final List<String> REASONS = List.of(
            "message",
            "address",
            "domain",
            "uri",
            "chainId",
            "issuedAt",
            "expirationTime",
            "notBefore",
            "signature",
            "nonce",
            "other");

    private final MeterRegistry meters;
    private final Counter accepted;

    SignInMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.accepted = counter("accepted", "none");
        REASONS.forEach(reason -> counter("rejected", reason));
    }

    void accepted() {
        accepted.increment();
    }

    void rejected(SignInRejected rejection) {
        Set<String> fields = rejection.errors().keySet();
        String reason = fields.stream().filter(REASONS::contains).findFirst().orElse("other");
        counter("rejected", reason).increment();
    }

    private Counter counter(String outcome, String reason) {
        return Counter.builder("echain.sign.ins")
                .description("SIWE sign-in verifications by outcome and reason")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(meters);
    }
}
