package io.echain.checkin.internal;

import static java.time.temporal.ChronoUnit.MICROS;

import io.echain.events.EventCatalog;
import io.echain.tickets.TicketOwnership;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans: verifies a code ({@link CodeVerifier}), then decides the admission in one transaction with the scan's
 * record. The admissions table's primary key lets exactly one of any number of parallel scans of a ticket in; a
 * scanId seen before answers the verdict recorded for it.
 */
@Service
class CheckInService {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** One scan to decide: online ({@code offlineVerdict} null, scanned now) or synced from an offline scanner. */
    record ScanRequest(UUID scanId, String code, String gate, Instant scannedAt, String offlineVerdict) {

        /** Times are kept as PostgreSQL stores them, to the microsecond. */
        ScanRequest {
            scannedAt = scannedAt.truncatedTo(MICROS);
        }

        boolean offline() {
            return offlineVerdict != null;
        }
    }

    private final CodeVerifier verifier;
    private final CheckIns checkIns;
    private final TicketOwnership ownership;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CheckInService(
            CodeVerifier verifier,
            CheckIns checkIns,
            TicketOwnership ownership,
            org.springframework.transaction.PlatformTransactionManager transactions,
            Clock clock) {
        this.verifier = verifier;
        this.checkIns = checkIns;
        this.ownership = ownership;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** An online scan, decided at the server's time; a scanId seen before answers the verdict recorded for it. */
    Verdict scan(EventCatalog.EventSummary event, String scanner, UUID scanId, String code, String gate) {
        // No lookup first: a scanId seen before fails the scan's insert, which rolls the attempt back and answers
        // the recorded verdict (one query less on every first scan).
        return decide(
                event,
                scanner,
                new ScanRequest(scanId, code, gate, clock.instant().truncatedTo(MICROS), null));
    }

    /** Synced offline scans, decided in the order they were made (first scan wins); answers in the request's order. */
    List<Verdict> sync(EventCatalog.EventSummary event, String scanner, String gate, List<ScanRequest> scans) {
        List<Verdict> results = new ArrayList<>(scans.size());
        for (int i = 0; i < scans.size(); i++) {
            results.add(null);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> scans.get(i).scannedAt()));
        for (int i : order) {
            ScanRequest scan = scans.get(i);
            results.set(i, seen(event, scanner, scan.scanId()).orElseGet(() -> decide(event, scanner, scan)));
        }
        return results;
    }

    private Optional<Verdict> seen(EventCatalog.EventSummary event, String scanner, UUID scanId) {
        return checkIns.find(scanId).map(stored -> {
            if (stored.eventId() != event.id() || !stored.scanner().equals(scanner)) {
                throw new CheckinProblems.ScanIdTaken(scanId);
            }
            return stored.answer();
        });
    }

    private Verdict decide(EventCatalog.EventSummary event, String scanner, ScanRequest scan) {
        Instant now = clock.instant();
        CodeVerifier.Checked checked;
        if (scan.offline()
                && (scan.scannedAt().isAfter(now.plus(CheckinProperties.CLOCK_SKEW))
                        || scan.scannedAt().isBefore(now.minus(CheckinProperties.SYNC_MAX_AGE)))) {
            checked = new CodeVerifier.Checked(CheckInCode.parse(scan.code()), Reason.BAD_SCAN_TIME, null, List.of());
        } else {
            checked = verifier.check(event, scan.code(), scan.scannedAt());
        }
        Optional<Verdict> decided = transactions.execute(status -> {
            Verdict verdict = checked.passed() ? admit(event, scan, checked) : refusal(event, scan, checked, null);
            boolean recorded = checkIns.record(new CheckIns.Scan(
                    scan.scanId(),
                    event.id(),
                    checked.code().map(CheckInCode::tokenId).orElse(null),
                    checked.holder(),
                    scan.gate(),
                    scanner,
                    scan.scannedAt(),
                    verdict,
                    scan.offline(),
                    scan.offlineVerdict()));
            if (!recorded) {
                status.setRollbackOnly(); // the same scanId, sent twice at once: the other one's verdict stands
                return Optional.<Verdict>empty();
            }
            return Optional.of(verdict);
        });
        return decided.orElseGet(() -> seen(event, scanner, scan.scanId()).orElseThrow());
    }

    /** Steps 8 and 9: the admission, or ALREADY_CHECKED_IN; an earlier offline scan takes a later admission over. */
    private Verdict admit(EventCatalog.EventSummary event, ScanRequest scan, CodeVerifier.Checked checked) {
        BigInteger tokenId = checked.code().orElseThrow().tokenId();
        CheckIns.Side self = new CheckIns.Side(scan.scanId(), scan.gate(), scan.scannedAt());
        boolean scannerAdmitted = !scan.offline() || Verdict.ADMITTED.equals(scan.offlineVerdict());
        if (!scannerAdmitted) {
            Optional<CheckIns.Admission> first = checkIns.lockAdmission(event.id(), tokenId);
            return first.isPresent()
                    ? refusal(event, scan, checked, first.get())
                    : refusal(event, scan, withReason(checked, Reason.REFUSED_OFFLINE), null);
        }
        if (checkIns.admit(event.id(), tokenId, scan.scanId(), checked.holder(), scan.gate(), scan.scannedAt())) {
            return admitted(event, scan, checked, tokenId);
        }
        CheckIns.Admission first =
                checkIns.lockAdmission(event.id(), tokenId).orElseThrow(); // admissions are never deleted
        CheckIns.Side earlier = new CheckIns.Side(first.scanId(), first.gate(), first.scannedAt());
        if (scan.offline() && scan.scannedAt().isBefore(first.scannedAt())) {
            checkIns.replaceAdmission(
                    event.id(), tokenId, scan.scanId(), checked.holder(), scan.gate(), scan.scannedAt());
            checkIns.conflict(event.id(), tokenId, self, earlier);
            return admitted(event, scan, checked, tokenId);
        }
        if (scan.offline()) {
            checkIns.conflict(event.id(), tokenId, earlier, self);
        }
        return refusal(event, scan, checked, first);
    }

    private Verdict admitted(
            EventCatalog.EventSummary event, ScanRequest scan, CodeVerifier.Checked checked, BigInteger tokenId) {
        List<BigInteger> held = ownership.heldBy(event.id(), checked.holder());
        int checkedIn = checkIns.admittedAmong(event.id(), held);
        String message = "Admitted: ticket " + tokenId + ", holder " + shortAddress(checked.holder()) + " (" + checkedIn
                + " of " + held.size() + (held.size() == 1 ? " ticket" : " tickets") + " checked in)";
        return new Verdict(
                scan.scanId(),
                Verdict.ADMITTED,
                null,
                message,
                event.id(),
                tokenId.toString(),
                checked.holder(),
                held.size(),
                checkedIn,
                scan.gate(),
                scan.scannedAt(),
                null,
                checked.flags());
    }

    private Verdict refusal(
            EventCatalog.EventSummary event, ScanRequest scan, CodeVerifier.Checked checked, CheckIns.Admission first) {
        Reason reason = first != null ? Reason.ALREADY_CHECKED_IN : checked.refusal();
        String message = first == null
                ? reason.message()
                : reason.message() + " at " + TIME.format(first.scannedAt()) + " at gate " + first.gate();
        Integer heldCount = null;
        Integer checkedIn = null;
        if (checked.holder() != null && reason.ordinal() >= Reason.EVENT_CANCELLED.ordinal()) {
            List<BigInteger> held = ownership.heldBy(event.id(), checked.holder());
            heldCount = held.size();
            checkedIn = checkIns.admittedAmong(event.id(), held);
        }
        return new Verdict(
                scan.scanId(),
                Verdict.REFUSED,
                reason.name(),
                message,
                event.id(),
                checked.code().map(c -> c.tokenId().toString()).orElse(null),
                checked.holder(),
                heldCount,
                checkedIn,
                scan.gate(),
                scan.scannedAt(),
                first == null ? null : new Verdict.FirstCheckIn(first.scannedAt(), first.gate()),
                checked.flags());
    }

    private static CodeVerifier.Checked withReason(CodeVerifier.Checked checked, Reason reason) {
        return new CodeVerifier.Checked(checked.code(), reason, checked.holder(), checked.flags());
    }

    static String shortAddress(String address) {
        return address.substring(0, 6) + "…" + address.substring(address.length() - 4);
    }
}
