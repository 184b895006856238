package io.echain.events;

/** An event was cancelled: ticket holders may claim refunds once this reaches the chain. */
public record EventCancelled(long eventId) {}
