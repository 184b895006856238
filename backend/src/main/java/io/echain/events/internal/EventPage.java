package io.echain.events.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of events, with the total number of matches (counted up to a cap) and the cursor of the next page. */
record EventPage(
        List<EventView> items,
        int page,
        int size,

        @Schema(
                description = "Matching events, counted up to 10,000 (a relevance sort ranks at most 1,000 matches and"
                        + " counts those); see totalItemsCapped")
        long totalItems,

        long totalPages,

        @Schema(
                description = "true when totalItems stopped at its cap (10,000 counted, or the 1,000 ranked by"
                        + " relevance) and more events may match: narrow the query for an exact figure")
        boolean totalItemsCapped,

        @Schema(
                description = "Pass as after= (same filters and sort) for the next page, by keyset: stable while events"
                        + " are added or change, and as fast at any depth; null on the last page",
                nullable = true)
        String nextCursor) {}
