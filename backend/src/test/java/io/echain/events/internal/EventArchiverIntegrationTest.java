package io.echain.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.ApiIntegrationTest;
import io.echain.support.Wallet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The archiver takes out of the upcoming indexes what ended over a day ago or is cancelled, and nothing else. */
class EventArchiverIntegrationTest extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventArchiver archiver;

    private final String organizer = Wallet.random().lower();

    @Test
    void archivesEventsEndedOverADayAgoAndCancelledOnes() {
        jdbc.sql("insert into users (address, role) values (?, 'ORGANIZER')")
                .param(organizer)
                .update();
        Instant now = Instant.now();
        long longOver = insert(now.minus(3, ChronoUnit.DAYS), "SCHEDULED");
        long justOver = insert(now.minus(5, ChronoUnit.HOURS), "SCHEDULED");
        long upcoming = insert(now.plus(3, ChronoUnit.DAYS), "SCHEDULED");
        long cancelled = insert(now.plus(3, ChronoUnit.DAYS), "CANCELLED");

        archiver.archive();

        assertThat(archived(longOver)).isTrue();
        assertThat(archived(cancelled)).isTrue();
        assertThat(archived(justOver)).as("within the day's margin").isFalse();
        assertThat(archived(upcoming)).isFalse();
        assertThat(api.get("/api/events?includePast=true&organizer=" + organizer)
                        .json()
                        .get("totalItems")
                        .asLong())
                .as("archived events are still listed when asked for")
                .isEqualTo(4);
        assertThat(api.get("/api/events?status=FINISHED&organizer=" + organizer)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(2);
    }

    private long insert(Instant start, String status) {
        return jdbc.sql("""
                insert into events (organizer_address, name, location, starts_at, ends_at, price_wei, capacity, status)
                values (?, 'Archived or not', 'Riverside', ?, ?, 0, 10, ?) returning id""")
                .params(
                        organizer,
                        start.atOffset(ZoneOffset.UTC),
                        start.plus(2, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC),
                        status)
                .query(Long.class)
                .single();
    }

    private boolean archived(long id) {
        return jdbc.sql("select archived from events where id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }
}
