package io.echain.checkin.internal;

import io.echain.chain.ChainProperties;
import io.echain.events.EventCatalog;
import io.echain.identity.Caller;
import io.echain.shared.RateLimitPolicy;
import io.echain.shared.RateLimited;
import io.echain.shared.ValidText;
import io.echain.shared.ValidTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Scans at the door, online and synced; the offline bundle; the organizer's summary; the public settings. */
@RestController
@Tag(name = "Check-in")
class CheckInController {

    record Config(
            long chainId,
            String domainName,
            String domainVersion,
            long codeWindowSeconds,
            long codeRefreshSeconds,
            long maxPassSeconds) {}

    record ScanBody(
            @Schema(description = "The QR code's text: ECHK1.<base64url of 235 bytes>") @NotNull @Size(max = 1000) String code,

            @Schema(description = "The gate's name, 1-40 characters") @NotBlank @Size(max = 40) @ValidText
            String gate,

            @Schema(
                    description =
                            "The scanner's id of this scan (UUID): the same scanId again answers the same verdict")
            @NotNull UUID scanId) {}

    record OfflineScan(
            @NotNull UUID scanId,
            @NotNull @Size(max = 1000) String code,

            @Schema(description = "When the scanner scanned it (at most 10 s ahead, at most 7 days back)")
            @NotNull @ValidTime
            Instant scannedAt,

            @Schema(
                    description = "What the scanner answered offline",
                    allowableValues = {"ADMITTED", "REFUSED"})
            @NotNull @Pattern(regexp = "ADMITTED|REFUSED", message = "must be ADMITTED or REFUSED") String offlineVerdict) {}

    record SyncBody(
            @NotBlank @Size(max = 40) @ValidText String gate,

            @Schema(description = "1 to 500 scans") @NotEmpty @Size(max = 500) List<@Valid @NotNull OfflineScan> scans) {}

    record SyncResult(List<Verdict> results) {}

    private final CheckinAccess access;
    private final CheckInService scans;
    private final CheckinReports reports;
    private final CheckinProperties properties;
    private final long chainId;

    CheckInController(
            CheckinAccess access,
            CheckInService scans,
            CheckinReports reports,
            CheckinProperties properties,
            ChainProperties chain) {
        this.access = access;
        this.scans = scans;
        this.reports = reports;
        this.properties = properties;
        this.chainId = chain.chainId();
    }

    @GetMapping(path = "/api/checkin/config", produces = "application/json")
    @Operation(summary = "The check-in settings: EIP-712 domain, code window and refresh, longest pass (public)")
    Config config() {
        return new Config(
                chainId,
                CheckInSignatures.DOMAIN_NAME,
                CheckInSignatures.DOMAIN_VERSION,
                properties.codeWindow().toSeconds(),
                properties.codeRefresh().toSeconds(),
                properties.maxPass().toSeconds());
    }

    @PostMapping(path = "/api/events/{id}/checkins", consumes = "application/json", produces = "application/json")
    @RateLimited(RateLimitPolicy.CHECKIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Scan a code (door staff, the organizer or an admin): ADMITTED once per ticket, else REFUSED "
                    + "with a reason; a refusal is a verdict (200), not an error")
    @ApiResponse(responseCode = "200", description = "The verdict")
    Verdict scan(@PathVariable long id, @Valid @RequestBody ScanBody body, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        EventCatalog.EventSummary event = access.asStaff(id, caller);
        return scans.scan(
                event, caller.address(), body.scanId(), body.code(), body.gate().strip());
    }

    @PostMapping(path = "/api/events/{id}/checkins/sync", consumes = "application/json", produces = "application/json")
    @RateLimited(RateLimitPolicy.CHECKIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Send scans made offline: each verified again at its scannedAt; when two gates admitted one "
                    + "ticket the earliest scan keeps the admission and the other is recorded as a conflict")
    @ApiResponse(responseCode = "200", description = "A verdict per scan, in the request's order")
    SyncResult sync(@PathVariable long id, @Valid @RequestBody SyncBody body, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        EventCatalog.EventSummary event = access.asStaff(id, caller);
        String gate = body.gate().strip();
        List<CheckInService.ScanRequest> requests = body.scans().stream()
                .map(s -> new CheckInService.ScanRequest(s.scanId(), s.code(), gate, s.scannedAt(), s.offlineVerdict()))
                .toList();
        return new SyncResult(scans.sync(event, caller.address(), gate, requests));
    }

    @GetMapping(path = "/api/events/{id}/checkins/list", produces = "application/json")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "The offline bundle (door staff, the organizer or an admin): every ticket with its owner, "
                    + "since when, whether that is confirmed, and its check-in; ETag / If-None-Match")
    @ApiResponse(responseCode = "200", description = "The bundle")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    ResponseEntity<CheckinReports.Bundle> list(
            @PathVariable long id,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
            Authentication authentication) {
        EventCatalog.EventSummary event = access.asStaff(id, Caller.from(authentication));
        CheckinReports.Tagged bundle = reports.bundle(event);
        if (ifNoneMatch != null && ifNoneMatch.contains(bundle.etag())) {
            return ResponseEntity.status(304).eTag(bundle.etag()).build();
        }
        return ResponseEntity.ok().eTag(bundle.etag()).body(bundle.bundle());
    }

    @GetMapping(path = "/api/events/{id}/checkins/summary", produces = "application/json")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Check-in live (the organizer or an admin): checked in / sold, per gate, the last scans, "
                    + "refusals by reason, first-scan-wins conflicts")
    CheckinReports.Summary summary(@PathVariable long id, Authentication authentication) {
        EventCatalog.EventSummary event = access.asOrganizer(id, Caller.from(authentication));
        return reports.summary(event);
    }
}
