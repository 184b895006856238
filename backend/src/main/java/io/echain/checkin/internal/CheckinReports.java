package io.echain.checkin.internal;

import io.echain.chain.ChainProperties;
import io.echain.events.EventCatalog;
import io.echain.tickets.TicketOwnership;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The offline bundle and the organizer's summary. */
@Component
class CheckinReports {

    record BundleTicket(
            @Schema(description = "ERC-721 token id, decimal string")
            String tokenId,

            String owner,

            @Schema(allowableValues = {"ACTIVE", "TRANSFERRED", "REFUNDED"})
            String status,

            @Schema(description = "Unix seconds of the latest transfer or the mint")
            long ownerSince,

            boolean ownerConfirmed,
            @Schema(nullable = true) Instant checkedInAt,
            @Schema(nullable = true) String gate) {}

    record Bundle(
            long eventId,
            long chainId,
            Instant generatedAt,
            long codeWindowSeconds,
            long maxPassSeconds,
            boolean cancelled,
            boolean onChain,
            List<BundleTicket> tickets) {}

    record Tagged(Bundle bundle, String etag) {}

    record Summary(
            long eventId,
            long sold,
            long checkedIn,
            List<CheckIns.GateCount> gates,

            @Schema(description = "The last 20 scans, newest first")
            List<Verdict> recent,

            Map<String, Long> refusedByReason,
            List<CheckIns.Conflict> conflicts) {}

    private final TicketOwnership ownership;
    private final CheckIns checkIns;
    private final CheckinProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final long chainId;

    CheckinReports(
            TicketOwnership ownership,
            CheckIns checkIns,
            CheckinProperties properties,
            JsonMapper json,
            Clock clock,
            ChainProperties chain) {
        this.ownership = ownership;
        this.checkIns = checkIns;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.chainId = chain.chainId();
    }

    Tagged bundle(EventCatalog.EventSummary event) {
        Map<BigInteger, CheckIns.Admission> admissions = checkIns.admissions(event.id());
        List<BundleTicket> tickets = ownership.ofEvent(event.id()).stream()
                .map(t -> {
                    CheckIns.Admission a = admissions.get(t.tokenId());
                    return new BundleTicket(
                            t.tokenId().toString(),
                            t.owner(),
                            t.status().name(),
                            t.ownerSince() == null ? 0 : t.ownerSince().getEpochSecond(),
                            t.ownerConfirmed(),
                            a == null ? null : a.scannedAt(),
                            a == null ? null : a.gate());
                })
                .toList();
        Bundle unstamped = new Bundle(
                event.id(),
                chainId,
                null,
                properties.codeWindow().toSeconds(),
                properties.maxPass().toSeconds(),
                event.cancelled(),
                event.chainConfirmed() || !tickets.isEmpty(),
                tickets);
        String etag = "\"" + sha256(json.writeValueAsString(unstamped)) + "\"";
        Bundle bundle = new Bundle(
                unstamped.eventId(),
                unstamped.chainId(),
                clock.instant(),
                unstamped.codeWindowSeconds(),
                unstamped.maxPassSeconds(),
                unstamped.cancelled(),
                unstamped.onChain(),
                tickets);
        return new Tagged(bundle, etag);
    }

    Summary summary(EventCatalog.EventSummary event) {
        return new Summary(
                event.id(),
                ownership.sold(event.id()),
                checkIns.admittedCount(event.id()),
                checkIns.gates(event.id()),
                checkIns.recent(event.id(), 20),
                checkIns.refusedByReason(event.id()),
                checkIns.conflicts(event.id()));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
