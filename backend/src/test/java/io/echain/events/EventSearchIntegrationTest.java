package io.echain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import io.echain.support.Wallet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Pagination, every filter, ranking and every sort over 300 generated events of one organizer, past and cancelled ones
 * included ({@code includePast=true}; the default scope is {@link EventListScopeAndPagingIntegrationTest}'s).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventSearchIntegrationTest extends ApiIntegrationTest {

    static final int EVENTS = 300;
    static final String[] KINDS = {
        "Jazz Night", "Rock Festival", "Blockchain Conference", "Art Exhibition", "Tech Meetup"
    };
    static final String[] CITIES = {"Berlin", "Paris", "Lisbon"};

    @Autowired
    JdbcClient jdbc;

    private final String organizer = Wallet.random().lower();
    private final Instant base = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private final List<Generated> generated = new ArrayList<>();

    record Generated(
            long id,
            int index,
            Instant startsAt,
            BigInteger price,
            boolean cancelled,
            boolean finished,
            boolean soldOut,
            String city) {}

    @BeforeAll
    void generateEvents() {
        jdbc.sql("insert into users (address, role) values (?, 'ORGANIZER')")
                .param(organizer)
                .update();
        for (int i = 0; i < EVENTS; i++) {
            boolean finished = i % 10 == 7;
            boolean cancelled = i % 10 == 3;
            boolean soldOut = i % 10 == 5;
            Instant start = finished
                    ? Instant.now().minus(30 - i % 20, ChronoUnit.DAYS)
                    : base.plus(i * 7L % EVENTS, ChronoUnit.HOURS);
            BigInteger price = BigInteger.valueOf((i * 37L) % 101).multiply(BigInteger.TEN.pow(15));
            String city = CITIES[i % 3];
            String name = KINDS[i % 5] + " #" + i;
            String description = "A gathering of friends of " + KINDS[(i + 1) % 5].toLowerCase() + ".";
            long id = jdbc.sql("""
                    insert into events (organizer_address, name, description, location, starts_at, ends_at, price_wei,
                        capacity, tickets_sold, status, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, 50, ?, ?, ?) returning id""")
                    .params(
                            organizer,
                            name,
                            description,
                            "Hall " + (i % 7) + ", " + city,
                            start.atOffset(ZoneOffset.UTC),
                            start.plus(3, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC),
                            new BigDecimal(price),
                            soldOut ? 50 : i % 50,
                            cancelled ? "CANCELLED" : "SCHEDULED",
                            Instant.parse("2026-01-01T00:00:00Z")
                                    .plusSeconds((EVENTS - i) * 60L)
                                    .atOffset(ZoneOffset.UTC))
                    .query(Long.class)
                    .single();
            generated.add(new Generated(id, i, start, price, cancelled, finished, soldOut, city));
        }
        // Ranking fixtures: the term in the name outranks it in the location, which outranks the description.
        insertRanked("Solidity Summit", "Riverside", "Talks.", 0);
        insertRanked("Evening talks", "Solidity House", "Drinks.", 1);
        insertRanked("Evening drinks", "Riverside", "We will mention solidity once.", 2);
    }

    private void insertRanked(String name, String location, String description, int hours) {
        jdbc.sql("""
                insert into events (organizer_address, name, description, location, starts_at, ends_at, price_wei, capacity)
                values (?, ?, ?, ?, ?, ?, 0, 10)""")
                .params(
                        organizer,
                        name,
                        description,
                        location,
                        base.plus(hours, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC),
                        base.plus(hours + 2, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC))
                .update();
    }

    private JsonNode list(String query) {
        Api.Response response = api.get("/api/events?includePast=true&organizer=" + organizer + "&" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private List<Long> expectedIds(java.util.function.Predicate<Generated> filter, Comparator<Generated> order) {
        return generated.stream()
                .filter(filter)
                .sorted(order.thenComparing(Generated::id))
                .map(Generated::id)
                .toList();
    }

    private List<Long> allPages(String query) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode result = list(query + "&size=100&page=" + page);
            ids.addAll(ids(result));
            if (page + 1 >= result.get("totalPages").asLong()) {
                return ids;
            }
        }
    }

    @Test
    void pagesThroughEverythingWithoutGapsOrDuplicates() {
        JsonNode first = list("size=50&sort=startsAt");
        assertThat(first.get("totalItems").asLong()).isEqualTo(EVENTS + 3);
        assertThat(first.get("totalPages").asLong()).isEqualTo(7);
        assertThat(first.get("size").asInt()).isEqualTo(50);
        Set<Long> seen = new HashSet<>();
        for (int page = 0; page < 7; page++) {
            JsonNode result = list("size=50&sort=startsAt&page=" + page);
            assertThat(result.get("page").asInt()).isEqualTo(page);
            assertThat(result.get("totalItems").asLong()).isEqualTo(EVENTS + 3);
            result.get("items")
                    .forEach(item ->
                            assertThat(seen.add(item.get("id").asLong())).isTrue());
        }
        assertThat(seen).hasSize(EVENTS + 3);
        JsonNode beyond = list("size=50&page=9");
        assertThat(beyond.get("items").size()).isZero();
        assertThat(beyond.get("totalItems").asLong()).isEqualTo(EVENTS + 3);
    }

    @Test
    void defaultPageSizeIsTwenty() {
        JsonNode result = list("");
        assertThat(result.get("items").size()).isEqualTo(20);
        assertThat(result.get("size").asInt()).isEqualTo(20);
    }

    @Test
    void sortsByStartPriceAndCreation() {
        assertThat(allPages("q=gathering&sort=startsAt,asc"))
                .isEqualTo(expectedIds(g -> true, Comparator.comparing(Generated::startsAt)));
        assertThat(allPages("q=gathering&sort=startsAt,desc"))
                .isEqualTo(expectedIds(
                        g -> true,
                        Comparator.comparing(Generated::startsAt)
                                .thenComparing(Generated::id)
                                .reversed()));
        assertThat(allPages("q=gathering&sort=price"))
                .isEqualTo(expectedIds(g -> true, Comparator.comparing(Generated::price)));
        assertThat(allPages("q=gathering&sort=price,desc"))
                .isEqualTo(expectedIds(
                        g -> true,
                        Comparator.comparing(Generated::price)
                                .thenComparing(Generated::id)
                                .reversed()));
        assertThat(allPages("q=gathering&sort=createdAt,asc"))
                .isEqualTo(expectedIds(
                        g -> true, Comparator.comparing(Generated::index).reversed()));
        assertThat(allPages("q=gathering&sort=createdAt,desc"))
                .isEqualTo(expectedIds(g -> true, Comparator.comparing(Generated::index)));
    }

    @Test
    void filtersByStatus() {
        assertThat(allPages("status=CANCELLED&sort=startsAt"))
                .isEqualTo(expectedIds(Generated::cancelled, Comparator.comparing(Generated::startsAt)));
        assertThat(allPages("status=FINISHED&sort=startsAt"))
                .isEqualTo(expectedIds(g -> g.finished() && !g.cancelled(), Comparator.comparing(Generated::startsAt)));
        assertThat(allPages("status=SCHEDULED&q=gathering&sort=startsAt"))
                .isEqualTo(
                        expectedIds(g -> !g.finished() && !g.cancelled(), Comparator.comparing(Generated::startsAt)));
    }

    @Test
    void filtersByTicketsLeft() {
        assertThat(allPages("available=false&sort=startsAt"))
                .isEqualTo(expectedIds(Generated::soldOut, Comparator.comparing(Generated::startsAt)));
        assertThat(allPages("available=true&q=gathering&sort=startsAt"))
                .isEqualTo(expectedIds(g -> !g.soldOut(), Comparator.comparing(Generated::startsAt)));
    }

    @Test
    void filtersByStartWindowAndPriceRange() {
        Instant from = base.plus(50, ChronoUnit.HOURS);
        Instant to = base.plus(120, ChronoUnit.HOURS);
        assertThat(allPages("q=gathering&sort=startsAt&startsFrom=" + from + "&startsTo=" + to))
                .isEqualTo(expectedIds(
                        g -> !g.startsAt().isBefore(from) && !g.startsAt().isAfter(to),
                        Comparator.comparing(Generated::startsAt)));
        BigInteger min = BigInteger.TEN.pow(15).multiply(BigInteger.valueOf(20));
        BigInteger max = BigInteger.TEN.pow(15).multiply(BigInteger.valueOf(40));
        assertThat(allPages("q=gathering&sort=price&priceMin=" + min + "&priceMax=" + max))
                .isEqualTo(expectedIds(
                        g -> g.price().compareTo(min) >= 0 && g.price().compareTo(max) <= 0,
                        Comparator.comparing(Generated::price)));
    }

    @Test
    void filtersByLocationPrefixCaseInsensitively() {
        assertThat(allPages("location=hall%202&sort=startsAt"))
                .isEqualTo(expectedIds(g -> g.index() % 7 == 2, Comparator.comparing(Generated::startsAt)));
        assertThat(list("location=Nowhere").get("totalItems").asLong()).isZero();
    }

    @Test
    void combinesFilters() {
        assertThat(allPages("q=jazz&location=hall&available=true&status=SCHEDULED&sort=price,desc"))
                .isEqualTo(expectedIds(
                        g -> (g.index() % 5 == 0 || g.index() % 5 == 4)
                                && !g.soldOut()
                                && !g.cancelled()
                                && !g.finished(),
                        Comparator.comparing(Generated::price)
                                .thenComparing(Generated::id)
                                .reversed()));
    }

    @Test
    void searchesNameDescriptionAndLocationWithStemming() {
        assertThat(list("q=festivals&size=100").get("totalItems").asLong()).isEqualTo(120);
        assertThat(list("q=Lisbon&size=100").get("totalItems").asLong()).isEqualTo(100);
        // "rock" is in the names of i % 5 == 1 and the descriptions of i % 5 == 0; Berlin is i % 3 == 0.
        assertThat(list("q=rock%20berlin&size=100").get("totalItems").asLong()).isEqualTo(40);
        assertThat(list("q=%22jazz%20night%22%20-berlin&size=100")
                        .get("totalItems")
                        .asLong())
                .isEqualTo(80);
        assertThat(list("q=nonexistentword").get("totalItems").asLong()).isZero();
    }

    @Test
    void ranksByRelevance() {
        JsonNode result = list("q=solidity");
        List<String> names = new ArrayList<>();
        result.get("items").forEach(item -> names.add(item.get("name").asString()));
        assertThat(names).containsExactly("Solidity Summit", "Evening talks", "Evening drinks");
        assertThat(ids(list("q=solidity&sort=relevance,asc")).reversed()).isEqualTo(ids(result));
    }

    @Test
    void filtersByOrganizerInAnyCase() {
        String mixed = Wallet.random().address();
        assertThat(api.get("/api/events?organizer=" + mixed)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/events?includePast=true&organizer="
                                + organizer.toUpperCase().replace("0X", "0x"))
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(EVENTS + 3);
    }
}
