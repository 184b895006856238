package io.echain.chain.internal;

import io.echain.shared.Sampled;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as the database holds it (the same on every instance): {@code echain.outbox.commands{status}} for
 * the commands not yet done (PENDING, SENT, MINED) and {@code echain.outbox.oldest.age}, the age in seconds of the
 * oldest of them (0 when none waits). A backlog that only grows, or an age past a few minutes, means the outbox is
 * stuck.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private static final List<String> OPEN = List.of("PENDING", "SENT", "MINED");

    /** Count and oldest age per open status. */
    record Backlog(Map<String, Long> counts, double oldestAgeSeconds) {}

    private final Sampled<Backlog> backlog;

    OutboxMetrics(JdbcClient jdbc) {
        this.backlog = Sampled.every(Duration.ofSeconds(2), null, () -> {
            Map<String, Long> counts = new HashMap<>();
            double[] oldest = {0};
            jdbc.sql("""
                    select status, count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                      from chain_commands where status in ('PENDING', 'SENT', 'MINED') group by status""")
                    .query((rs, n) -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                        oldest[0] = Math.max(oldest[0], rs.getDouble(3));
                        return null;
                    })
                    .list();
            return new Backlog(counts, oldest[0]);
        });
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (String status : OPEN) {
            Gauge.builder("echain.outbox.commands", backlog, b -> {
                        Backlog now = b.get();
                        return now == null ? Double.NaN : now.counts().getOrDefault(status, 0L);
                    })
                    .description("Outbox commands not yet done, by status")
                    .tag("status", status)
                    .register(meters);
        }
        Gauge.builder(
                        "echain.outbox.oldest.age",
                        backlog,
                        b -> b.get() == null ? Double.NaN : b.get().oldestAgeSeconds())
                .baseUnit("seconds")
                .description("Age of the oldest outbox command not yet done")
                .register(meters);
    }
}
