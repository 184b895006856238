/**
 * Check-in at the door (issue 12, {@code docs/checkin.md}): door staff per event, granted by its organizer; the
 * verification of the holder's rotating code (an EIP-712 pass signed by the holder's wallet delegating to a key in the
 * page, which signs each code); scans online and synced from offline scanners, with exactly one admission per ticket
 * per event (first scan wins); the offline bundle and the organizer's live summary. Ownership comes from the tickets
 * module's {@link io.echain.tickets.TicketOwnership}, events from {@link io.echain.events.EventCatalog}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Check-in",
        allowedDependencies = {"shared", "identity", "events", "tickets", "chain"})
package io.echain.checkin;
