package io.echain.events.internal;

import io.echain.identity.Caller;
import io.echain.shared.RateLimitPolicy;
import io.echain.shared.RateLimited;
import io.echain.shared.ValidAddress;
import io.echain.shared.ValidText;
import io.echain.shared.ValidTime;
import io.echain.shared.ValidWei;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/events", produces = "application/json")
@Tag(name = "Events", description = "Publish, edit, cancel, list and search events")
class EventController {

    private final EventService service;
    private final PublicEventReads publicReads;

    EventController(EventService service, PublicEventReads publicReads) {
        this.service = service;
        this.publicReads = publicReads;
    }

    @GetMapping
    @Operation(
            summary = "List events: filters, full-text search (q, ranked by relevance), sort and pages",
            description = "Without status, only events a buyer can still buy (scheduled, not ended) unless"
                    + " includePast=true. Pages by offset (page, up to 10,000 events deep) or by keyset (after="
                    + " the previous page's nextCursor). totalItems is exact up to 10,000 (totalItemsCapped says"
                    + " when it stopped there); a relevance sort ranks the first 1,000 matches.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of events. While the database is unavailable an anonymous "
                    + "read may get the last cached copy, marked by Cache-Status (detail=stale-if-error) and Age",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EventPage.class)))
    ResponseEntity<?> list(
            @Parameter(description = "Zero-based page number (default 0); page times size at most 10,000")
                    @RequestParam(required = false)
                    @Min(0) @Max(10_000) Integer page,
            @Parameter(description = "Page size, 1..100 (default 20)")
                    @RequestParam(required = false)
                    @Min(1) @Max(EventQuery.MAX_SIZE) Integer size,
            @Parameter(
                            description = "Full-text search over name, location and description "
                                    + "(web search syntax: \"quoted phrase\", -exclude, or)")
                    @RequestParam(required = false)
                    @Size(max = 200) @ValidText
                    String q,
            @Parameter(description = "Organizer wallet address") @RequestParam(required = false) @ValidAddress
                    String organizer,
            @Parameter(description = "Events starting at or after this instant (ISO-8601)")
                    @RequestParam(required = false)
                    @ValidTime
                    Instant startsFrom,
            @Parameter(description = "Events starting at or before this instant (ISO-8601)")
                    @RequestParam(required = false)
                    @ValidTime
                    Instant startsTo,
            @Parameter(description = "Minimum ticket price in wei (decimal string)")
                    @RequestParam(required = false)
                    @ValidWei
                    String priceMin,
            @Parameter(description = "Maximum ticket price in wei (decimal string)")
                    @RequestParam(required = false)
                    @ValidWei
                    String priceMax,
            @Parameter(
                            description = "SCHEDULED, CANCELLED or FINISHED; without it (and without includePast) the"
                                    + " list holds the scheduled events that have not ended")
                    @RequestParam(required = false)
                    EventStatus status,
            @Parameter(description = "true: tickets left; false: sold out") @RequestParam(required = false)
                    Boolean available,
            @Parameter(description = "Location prefix, case-insensitive")
                    @RequestParam(required = false)
                    @Size(max = 200) @ValidText
                    String location,
            @Parameter(
                            description =
                                    "startsAt, price, createdAt or relevance (needs q), optionally ,asc or ,desc; "
                                            + "default relevance with q, else startsAt,asc")
                    @RequestParam(required = false)
                    @Size(max = 40) @ValidText
                    String sort,
            @Parameter(
                            description = "true: past and cancelled events too (the whole catalogue), when no status"
                                    + " is given; default false")
                    @RequestParam(required = false)
                    Boolean includePast,
            @Parameter(
                            description = "nextCursor of the previous page (keyset paging, same filters and sort);"
                                    + " not with page")
                    @RequestParam(required = false)
                    @Size(max = 200) @ValidText
                    String after,
            Authentication authentication) {
        EventQuery query = new EventQuery(
                page,
                size,
                q,
                organizer,
                startsFrom,
                startsTo,
                priceMin,
                priceMax,
                status,
                available,
                location,
                sort,
                includePast,
                after);
        if (authentication != null) {
            return ResponseEntity.ok(service.list(query));
        }
        PublicEventReads.Served<byte[]> served = publicReads.page(query);
        return served(ResponseEntity.ok(), served)
                .contentType(MediaType.APPLICATION_JSON)
                .body(served.value());
    }

    @GetMapping("/{id}")
    @Operation(summary = "An event with its availability (capacity, sold, remaining)")
    @ApiResponse(
            responseCode = "200",
            description = "The event; ETag carries its version for If-Match. "
                    + "Anonymous reads may be up to a few seconds old; signed-in reads are current. While the database is "
                    + "unavailable an anonymous read may get the last cached copy, marked by Cache-Status "
                    + "(detail=stale-if-error) and Age.",
            headers = @Header(name = "ETag", description = "Quoted version of the event"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EventView.class)))
    ResponseEntity<?> get(@PathVariable long id, Authentication authentication) {
        if (authentication != null) {
            EventView view = service.get(id);
            return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
        }
        PublicEventReads.Served<PublicEventReads.Detail> detail = publicReads.detail(id);
        return served(ResponseEntity.ok(), detail)
                .eTag(ETags.of(detail.value().version()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(detail.value().json());
    }

    /**
     * A copy served because the database is down says so (RFC 9211 {@code Cache-Status}, forwarded and answered 503,
     * served stale) and how old it is ({@code Age}).
     */
    private static ResponseEntity.BodyBuilder served(
            ResponseEntity.BodyBuilder response, PublicEventReads.Served<?> read) {
        if (read.stale()) {
            response.header("Cache-Status", "echain; fwd=stale; fwd-status=503; detail=stale-if-error")
                    .header(HttpHeaders.AGE, Long.toString(read.staleAge().toSeconds()));
        }
        return response;
    }

    @PostMapping(consumes = "application/json")
    @RateLimited(RateLimitPolicy.WRITE)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Publish an event (organizers); the caller becomes its organizer")
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location points at the event",
            headers = {
                @Header(name = "Location", description = "URL of the new event"),
                @Header(name = "ETag", description = "Quoted version")
            })
    ResponseEntity<EventView> create(@Valid @RequestBody EventRequest request, Authentication authentication) {
        EventView view = service.create(Caller.from(authentication), request);
        return ResponseEntity.created(URI.create("/api/events/" + view.id()))
                .eTag(ETags.of(view.version()))
                .body(view);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @RateLimited(RateLimitPolicy.WRITE)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Replace an event's details (its organizer or an admin); requires If-Match with the ETag")
    @ApiResponse(
            responseCode = "200",
            description = "Updated",
            headers = @Header(name = "ETag", description = "Quoted new version"))
    @ApiResponse(
            responseCode = "409",
            description = "Capacity below tickets sold, a transferLocked different from the "
                    + "one set at creation, or the event is cancelled or finished",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "412",
            description = "If-Match does not match the current version",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "428",
            description = "If-Match is missing",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<EventView> update(
            @PathVariable long id,
            @Parameter(in = ParameterIn.HEADER, description = "ETag from GET, e.g. \"3\"; * matches any version")
                    @RequestHeader(name = "If-Match", required = false)
                    String ifMatch,
            @Valid @RequestBody EventRequest request,
            Authentication authentication) {
        EventView view = service.update(Caller.from(authentication), id, ETags.requiredVersion(ifMatch), request);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @DeleteMapping("/{id}")
    @RateLimited(RateLimitPolicy.WRITE)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Cancel an event (its organizer or an admin); it is kept for history and refunds, never deleted")
    @ApiResponse(responseCode = "200", description = "Cancelled")
    @ApiResponse(
            responseCode = "409",
            description = "Already cancelled or finished",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "412",
            description = "If-Match given and not the current version",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<EventView> cancel(
            @PathVariable long id,
            @Parameter(in = ParameterIn.HEADER, description = "Optional ETag from GET")
                    @RequestHeader(name = "If-Match", required = false)
                    String ifMatch,
            Authentication authentication) {
        EventView view = service.cancel(Caller.from(authentication), id, ETags.optionalVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
