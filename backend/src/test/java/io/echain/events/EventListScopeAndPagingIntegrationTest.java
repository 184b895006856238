package io.echain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import io.echain.support.Wallet;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the list holds by default (what can still be bought), the past-events option, keyset paging and the capped
 * count, over one organizer's events: upcoming, in progress, finished, cancelled, and 10,050 past ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventListScopeAndPagingIntegrationTest extends ApiIntegrationTest {

    static final int UPCOMING = 30;
    static final int HISTORY = 10_050;

    @Autowired
    JdbcClient jdbc;

    private final String organizer = Wallet.random().lower();
    private final Instant base = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private final List<Long> upcoming = new ArrayList<>();
    private long inProgress;
    private long finished;
    private long cancelled;
    private String token;

    @BeforeAll
    void generateEvents() {
        jdbc.sql("insert into users (address, role) values (?, 'ORGANIZER')")
                .param(organizer)
                .update();
        for (int i = 0; i < UPCOMING; i++) {
            // Starts spread out of id order, prices and creation times in yet other orders; a few ties.
            Instant start = base.plus((i * 7L) % UPCOMING / 2, ChronoUnit.HOURS);
            upcoming.add(insert(
                    "Lantern walk #" + i,
                    start,
                    start.plus(2, ChronoUnit.HOURS),
                    1 + (i * 13) % 10,
                    "SCHEDULED",
                    Instant.parse("2026-02-01T00:00:00Z").plusSeconds((i * 11L) % UPCOMING * 60)));
        }
        Instant now = Instant.now();
        inProgress = insert(
                "Lantern parade",
                now.minus(1, ChronoUnit.HOURS),
                now.plus(2, ChronoUnit.HOURS),
                3,
                "SCHEDULED",
                Instant.parse("2026-01-01T00:00:00Z"));
        finished = insert(
                "Lantern evening",
                now.minus(3, ChronoUnit.DAYS),
                now.minus(3, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS),
                3,
                "SCHEDULED",
                Instant.parse("2026-01-01T00:00:00Z"));
        cancelled = insert(
                "Lantern fair",
                base.plus(1, ChronoUnit.DAYS),
                base.plus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS),
                3,
                "CANCELLED",
                Instant.parse("2026-01-01T00:00:00Z"));
        jdbc.sql("""
                insert into events (organizer_address, name, location, starts_at, ends_at, price_wei, capacity)
                select :organizer, 'Ledger history #' || i, 'Archive hall',
                       now() - interval '30 days' - i * interval '1 minute',
                       now() - interval '30 days' - i * interval '1 minute' + interval '1 hour', 0, 10
                from generate_series(1, :count) i""").param("organizer", organizer).param("count", HISTORY).update();
    }

    @AfterAll
    void removeEvents() {
        jdbc.sql("delete from events where organizer_address = ?")
                .param(organizer)
                .update();
    }

    private long insert(String name, Instant start, Instant end, int price, String status, Instant createdAt) {
        return jdbc.sql("""
                insert into events (organizer_address, name, location, starts_at, ends_at, price_wei, capacity, status,
                    created_at)
                values (?, ?, 'Riverside', ?, ?, ?, 10, ?, ?) returning id""")
                .params(
                        organizer,
                        name,
                        start.atOffset(ZoneOffset.UTC),
                        end.atOffset(ZoneOffset.UTC),
                        BigDecimal.valueOf(price).movePointRight(15),
                        status,
                        createdAt.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** Signed in, so every page is read from the database, never from the anonymous page cache. */
    private JsonNode list(String query) {
        if (token == null) {
            token = attendee().token();
        }
        Api.Response response = api.get("/api/events?organizer=" + organizer + "&" + query, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /** Every page of {@code query}, following nextCursor from the first page. */
    private List<Long> byCursor(String query, Runnable afterFirstPage) {
        List<Long> ids = new ArrayList<>();
        JsonNode page = list(query);
        ids.addAll(ids(page));
        afterFirstPage.run();
        while (!page.get("nextCursor").isNull()) {
            page = list(
                    query + "&after=" + URLEncoder.encode(page.get("nextCursor").asString(), StandardCharsets.UTF_8));
            ids.addAll(ids(page));
        }
        return ids;
    }

    private List<Long> byOffset(String query) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode result = list(query + "&page=" + page);
            ids.addAll(ids(result));
            if (page + 1 >= result.get("totalPages").asLong()) {
                return ids;
            }
        }
    }

    @Test
    void listsOnlyWhatCanStillBeBoughtByDefault() {
        Set<Long> expected = new HashSet<>(upcoming);
        expected.add(inProgress);
        JsonNode all = list("size=100");
        assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(all.get("totalItems").asLong()).isEqualTo(UPCOMING + 1);
        assertThat(all.get("totalItemsCapped").asBoolean()).isFalse();
        assertThat(all.get("nextCursor").isNull()).isTrue();
        assertThat(ids(list("q=lantern&size=100"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(list("q=lantern&sort=price,desc&size=100"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(list("q=ledger").get("totalItems").asLong())
                .as("past events are not searched by default")
                .isZero();
    }

    @Test
    void includesPastAndCancelledEventsWhenAsked() {
        Set<Long> expected = new HashSet<>(upcoming);
        expected.addAll(List.of(inProgress, finished, cancelled));
        assertThat(ids(list("includePast=true&q=lantern&size=100"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(list("includePast=true&q=lantern").get("totalItems").asLong())
                .isEqualTo(UPCOMING + 3);
        assertThat(ids(list("status=FINISHED&q=lantern"))).containsExactly(finished);
        assertThat(ids(list("status=CANCELLED"))).containsExactly(cancelled);
        assertThat(ids(list("includePast=false&q=lantern&size=100"))).doesNotContain(finished, cancelled);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"sort=startsAt", "sort=startsAt,desc", "sort=price", "sort=price,desc", "sort=createdAt,desc"})
    void pagesByCursorWithoutGapsOrDuplicatesWhileEventsAreAdded(String sort) {
        String query = "q=lantern&size=7&" + sort;
        List<Long> before = byOffset(query);
        assertThat(before).hasSize(UPCOMING + 1).doesNotHaveDuplicates();
        assertThat(byCursor(query, () -> {})).as("cursor and offset agree").isEqualTo(before);

        // An event that sorts first for each of these sorts, added after the first page, lands before the cursor:
        // offset pages would show one event twice, cursor pages go on where they were.
        boolean descending = sort.endsWith("desc");
        List<Long> added = new ArrayList<>();
        try {
            List<Long> during = byCursor(
                    query,
                    () -> added.add(insert(
                            "Lantern early bird",
                            descending
                                    ? base.plus(20, ChronoUnit.DAYS)
                                    : Instant.now().minus(2, ChronoUnit.HOURS),
                            base.plus(21, ChronoUnit.DAYS),
                            descending ? 99 : 0,
                            "SCHEDULED",
                            descending ? Instant.now() : Instant.parse("2025-01-01T00:00:00Z"))));
            assertThat(during).as("no gaps, no duplicates").isEqualTo(before);
            assertThat(ids(list(query)).getFirst())
                    .as("the new event heads the list")
                    .isEqualTo(added.getFirst());
        } finally {
            added.forEach(
                    id -> jdbc.sql("delete from events where id = ?").param(id).update());
        }
    }

    @Test
    void pagesByCursorThroughARelevanceRanking() {
        String query = "q=lantern%20or%20parade&size=4";
        List<Long> offset = byOffset(query);
        assertThat(offset).hasSize(UPCOMING + 1).doesNotHaveDuplicates();
        assertThat(offset.getFirst()).as("both words rank first").isEqualTo(inProgress);
        assertThat(byCursor(query, () -> {})).isEqualTo(offset);
        List<Long> ascending = byOffset(query + "&sort=relevance,asc");
        assertThat(ascending.getLast()).isEqualTo(inProgress);
        assertThat(byCursor(query + "&sort=relevance,asc", () -> {})).isEqualTo(ascending);
    }

    @Test
    void countsUpToTheCapAndSaysSo() {
        JsonNode byStart = list("includePast=true&q=ledger&sort=startsAt");
        assertThat(byStart.get("totalItems").asLong()).isEqualTo(10_000);
        assertThat(byStart.get("totalItemsCapped").asBoolean()).isTrue();
        assertThat(byStart.get("totalPages").asLong()).isEqualTo(500);
        JsonNode ranked = list("includePast=true&q=ledger");
        assertThat(ranked.get("totalItems").asLong())
                .as("relevance ranks the first 1,000")
                .isEqualTo(1_000);
        assertThat(ranked.get("totalItemsCapped").asBoolean()).isTrue();
        JsonNode exact = list("includePast=true&q=lantern");
        assertThat(exact.get("totalItemsCapped").asBoolean()).isFalse();
    }

    @Test
    void followsCursorsPastTheDeepestOffset() {
        assertThat(api.get("/api/events?includePast=true&sort=startsAt&size=20&page=501")
                        .status())
                .isEqualTo(400);
        List<Long> all = byCursor("includePast=true&q=ledger&sort=startsAt,desc&size=100", () -> {});
        assertThat(all).hasSize(HISTORY).doesNotHaveDuplicates();
    }

    @Test
    void rejectsCursorsOfAnotherSortOrGarbage() {
        String cursor = list("size=2&sort=startsAt").get("nextCursor").asString();
        assertRejected("sort=price&after=" + cursor);
        assertRejected("sort=startsAt,desc&after=" + cursor);
        assertRejected("sort=startsAt&page=1&after=" + cursor);
        assertRejected("after=not-a-cursor");
        assertRejected("after="
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("v1:STARTS_AT:a:yesterday:1".getBytes(StandardCharsets.UTF_8)));
        assertThat(list("sort=startsAt&size=2&after=" + cursor).get("items").size())
                .isEqualTo(2);
    }

    private void assertRejected(String query) {
        Api.Response response = api.get("/api/events?organizer=" + organizer + "&" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").has("after"))
                .as(response.toString())
                .isTrue();
    }
}
