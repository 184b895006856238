package io.echain.checkin.internal;

import io.echain.events.EventCatalog;
import io.echain.events.EventNotFound;
import io.echain.identity.Caller;
import org.springframework.stereotype.Component;

/** Who may do what at an event's door: 404 for an unknown event, then 403 for anyone not allowed. */
@Component
class CheckinAccess {

    private final EventCatalog catalog;
    private final DoorStaff staff;

    CheckinAccess(EventCatalog catalog, DoorStaff staff) {
        this.catalog = catalog;
        this.staff = staff;
    }

    /** The event, if the caller is its organizer or an admin. */
    EventCatalog.EventSummary asOrganizer(long eventId, Caller caller) {
        EventCatalog.EventSummary event = event(eventId);
        if (!organizes(event, caller)) {
            throw new CheckinProblems.NotEventOrganizer(eventId);
        }
        return event;
    }

    /** The event, if the caller is its door staff, its organizer or an admin. */
    EventCatalog.EventSummary asStaff(long eventId, Caller caller) {
        EventCatalog.EventSummary event = event(eventId);
        if (!organizes(event, caller) && !staff.isStaff(eventId, caller.address())) {
            throw new CheckinProblems.NotDoorStaff(eventId);
        }
        return event;
    }

    private EventCatalog.EventSummary event(long eventId) {
        return catalog.find(eventId).orElseThrow(() -> new EventNotFound(eventId));
    }

    private static boolean organizes(EventCatalog.EventSummary event, Caller caller) {
        return caller.isAdmin() || event.organizer().equals(caller.address());
    }
}
