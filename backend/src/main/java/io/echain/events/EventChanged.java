package io.echain.events;

/** An event's details (price, capacity, times, texts) changed; {@code version} is the new version. */
public record EventChanged(long eventId, long version) {}
