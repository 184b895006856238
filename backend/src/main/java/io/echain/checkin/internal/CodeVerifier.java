package io.echain.checkin.internal;

import io.echain.chain.ChainProperties;
import io.echain.events.EventCatalog;
import io.echain.tickets.TicketOwnership;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Steps 1 to 7 of docs/checkin.md ("Verifying a code"): everything but the admission. The result names the first
 * failed step's reason, or none: then the ticket may be admitted unless it already was.
 */
@Component
class CodeVerifier {

    /** What the checks found. {@code holder} is set once the signatures are valid, {@code flags} once the ticket is read. */
    record Checked(Optional<CheckInCode> code, Reason refusal, String holder, List<String> flags) {

        boolean passed() {
            return refusal == null;
        }
    }

    static final String OWNER_UNCONFIRMED = "OWNER_UNCONFIRMED";

    private final CheckinProperties properties;
    private final CheckInSignatures signatures;
    private final TicketOwnership ownership;

    CodeVerifier(CheckinProperties properties, ChainProperties chain, TicketOwnership ownership) {
        this.properties = properties;
        this.signatures = new CheckInSignatures(chain.chainId());
        this.ownership = ownership;
    }

    Checked check(EventCatalog.EventSummary event, String text, Instant at) {
        Optional<CheckInCode> parsed = CheckInCode.parse(text);
        if (parsed.isEmpty()) {
            return new Checked(parsed, Reason.MALFORMED, null, List.of());
        }
        CheckInCode code = parsed.get();
        if (code.eventId() != event.id()) {
            return new Checked(parsed, Reason.WRONG_EVENT, null, List.of());
        }
        if (!signatures.valid(code)) {
            return new Checked(parsed, Reason.BAD_SIGNATURE, null, List.of());
        }
        String holder = code.holder();
        long now = at.getEpochSecond();
        if (Long.compareUnsigned(code.notBefore(), now) > 0
                || Long.compareUnsigned(now, code.notAfter()) > 0
                || Long.compareUnsigned(
                                code.notAfter() - code.notBefore(),
                                properties.maxPass().toSeconds())
                        > 0) {
            return new Checked(parsed, Reason.PASS_EXPIRED, holder, List.of());
        }
        long issuedAt = code.issuedAt();
        if (issuedAt < 0
                || now - issuedAt > properties.codeWindow().toSeconds()
                || issuedAt - now > CheckinProperties.CLOCK_SKEW.toSeconds()) {
            return new Checked(parsed, Reason.CODE_EXPIRED, holder, List.of());
        }
        Optional<TicketOwnership.Holding> ticket =
                ownership.find(code.tokenId()).filter(t -> t.eventId() != null && t.eventId() == event.id());
        if (event.cancelled()) {
            // Refunds only exist once an event is cancelled: a refunded ticket says so, the more precise reason.
            boolean refunded = ticket.map(TicketOwnership.Holding::refunded).orElse(false);
            return new Checked(parsed, refunded ? Reason.REFUNDED : Reason.EVENT_CANCELLED, holder, List.of());
        }
        // A ticket of the event indexed means its registration is on chain (purchases need it) even while a later
        // change of the event is on its way.
        if (!event.chainConfirmed() && ticket.isEmpty()) {
            return new Checked(parsed, Reason.NOT_ON_CHAIN, holder, List.of());
        }
        if (ticket.isEmpty()) {
            return new Checked(parsed, Reason.UNKNOWN_TICKET, holder, List.of());
        }
        TicketOwnership.Holding holding = ticket.get();
        List<String> flags = holding.ownerConfirmed() ? List.of() : List.of(OWNER_UNCONFIRMED);
        if (holding.refunded()) {
            return new Checked(parsed, Reason.REFUNDED, holder, flags);
        }
        // Block times and phone clocks differ by seconds: a code counts as made before the latest transfer when it
        // was issued more than the allowed clock skew before that transfer's block.
        if (!holding.owner().equals(holder)
                || (holding.ownerSince() != null
                        && issuedAt + CheckinProperties.CLOCK_SKEW.toSeconds()
                                < holding.ownerSince().getEpochSecond())) {
            return new Checked(parsed, Reason.NOT_OWNER, holder, flags);
        }
        return new Checked(parsed, null, holder, flags);
    }
}
