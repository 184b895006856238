package io.echain.checkin.internal;

import io.echain.events.EventCatalog;
import io.echain.identity.Caller;
import io.echain.shared.EthereumAddress;
import io.echain.shared.RateLimitPolicy;
import io.echain.shared.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** Door staff of an event, named by its organizer, and the events a wallet may scan. */
@RestController
@Tag(name = "Check-in", description = "Door staff, scans at the door, the offline bundle and the live summary")
@SecurityRequirement(name = "bearer")
class DoorStaffController {

    record StaffView(String address, String grantedBy, Instant grantedAt) {}

    record DoorEvent(
            long eventId,
            String name,
            Instant startsAt,
            Instant endsAt,

            @Schema(allowableValues = {"DOOR_STAFF", "ORGANIZER"})
            String role) {}

    private final CheckinAccess access;
    private final DoorStaff staff;
    private final EventCatalog catalog;

    DoorStaffController(CheckinAccess access, DoorStaff staff, EventCatalog catalog) {
        this.access = access;
        this.staff = staff;
        this.catalog = catalog;
    }

    @GetMapping(path = "/api/events/{id}/door-staff", produces = "application/json")
    @Operation(summary = "The event's door staff (its organizer or an admin)")
    List<StaffView> list(@PathVariable long id, Authentication authentication) {
        access.asOrganizer(id, Caller.from(authentication));
        return staff.ofEvent(id).stream().map(DoorStaffController::view).toList();
    }

    @PutMapping(path = "/api/events/{id}/door-staff/{address}", produces = "application/json")
    @RateLimited(RateLimitPolicy.WRITE)
    @Operation(summary = "Name a wallet door staff of the event (idempotent; its organizer or an admin)")
    @ApiResponse(responseCode = "200", description = "The entry")
    StaffView grant(@PathVariable long id, @PathVariable String address, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        String wallet = EthereumAddress.normalize(address, "address");
        access.asOrganizer(id, caller);
        return view(staff.grant(id, wallet, caller.address()));
    }

    @DeleteMapping(path = "/api/events/{id}/door-staff/{address}")
    @RateLimited(RateLimitPolicy.WRITE)
    @Operation(summary = "Revoke a wallet's door-staff role at the event (idempotent; its organizer or an admin)")
    @ApiResponse(responseCode = "204", description = "Revoked, or was not door staff")
    ResponseEntity<Void> revoke(@PathVariable long id, @PathVariable String address, Authentication authentication) {
        String wallet = EthereumAddress.normalize(address, "address");
        access.asOrganizer(id, Caller.from(authentication));
        staff.revoke(id, wallet);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/me/door", produces = "application/json")
    @Operation(summary = "Events the caller may scan: as door staff, or as their organizer; by start")
    List<DoorEvent> myDoors(Authentication authentication) {
        String me = Caller.from(authentication).address();
        List<DoorEvent> doors = new ArrayList<>();
        List<Long> organized = new ArrayList<>();
        for (EventCatalog.EventSummary e : catalog.organizedBy(me)) {
            organized.add(e.id());
            doors.add(new DoorEvent(e.id(), e.name(), e.startsAt(), e.endsAt(), "ORGANIZER"));
        }
        for (long eventId : staff.eventsOf(me)) {
            if (!organized.contains(eventId)) {
                catalog.find(eventId)
                        .ifPresent(e ->
                                doors.add(new DoorEvent(e.id(), e.name(), e.startsAt(), e.endsAt(), "DOOR_STAFF")));
            }
        }
        doors.sort(Comparator.comparing(DoorEvent::startsAt).thenComparing(DoorEvent::eventId));
        return doors;
    }

    private static StaffView view(DoorStaff.Entry e) {
        return new StaffView(e.address(), e.grantedBy(), e.grantedAt());
    }
}
