package io.echain.events.internal;

/**
 * What clients see. Stored are SCHEDULED and CANCELLED; a scheduled event whose end has passed is
 * FINISHED.
 */
enum EventStatus {
    SCHEDULED,
    CANCELLED,
    FINISHED
}
