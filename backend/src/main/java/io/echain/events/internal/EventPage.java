package io.echain.events.internal;

import java.util.List;

/** One page of events, with the total number of matches. */
record EventPage(List<EventView> items, int page, int size, long totalItems, long totalPages) {}
