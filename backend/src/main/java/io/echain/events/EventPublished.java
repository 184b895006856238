package io.echain.events;

/** An organizer created an event; published in the creating transaction. */
public record EventPublished(long eventId, String organizer) {}
