package io.echain.payments.internal;

import io.echain.payments.PaymentStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Business gauges: payments per status and tickets sold (refunded ones excluded), refreshed at most once a second. */
@Component
class PaymentMetrics {

    private final Payments payments;
    private final Revenues revenues;
    private final Map<PaymentStatus, AtomicLong> byStatus = new EnumMap<>(PaymentStatus.class);
    private final AtomicLong ticketsSold = new AtomicLong();
    private volatile long refreshedAt;

    PaymentMetrics(Payments payments, Revenues revenues, MeterRegistry meters) {
        this.payments = payments;
        this.revenues = revenues;
        for (PaymentStatus status : PaymentStatus.values()) {
            AtomicLong value = new AtomicLong();
            byStatus.put(status, value);
            Gauge.builder("echain.payments", value, AtomicLong::get).description("Payments by status")
                    .tag("status", status.name()).register(meters);
        }
        Gauge.builder("echain.tickets.sold", ticketsSold, AtomicLong::get)
                .description("Tickets sold on chain, refunded ones excluded").register(meters);
    }

    void refresh() {
        long now = System.currentTimeMillis();
        if (now - refreshedAt < 1_000) {
            return;
        }
        refreshedAt = now;
        Map<String, Long> counts = payments.countByStatus();
        byStatus.forEach((status, value) -> value.set(counts.getOrDefault(status.name(), 0L)));
        ticketsSold.set(revenues.ticketsSold());
    }
}
