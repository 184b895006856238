package io.echain.payments.internal;

import io.echain.payments.PaymentStatus;
import io.echain.shared.Sampled;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business figures of the money path. Gauges read the database (so every instance reports the same numbers,
 * whichever one indexes): {@code echain.payments{status}}, {@code echain.tickets.sold} (refunded ones excluded) and
 * {@code echain.tickets.refunded}. The timer {@code echain.payment.confirmation} measures, on the indexing instance,
 * the time from when the backend first knew a payment (reported or indexed) to CONFIRMED.
 */
@Component
class PaymentMetrics {

    /** What the gauges show. */
    record Figures(Map<String, Long> paymentsByStatus, long ticketsSold, long ticketsRefunded) {}

    private final Sampled<Figures> figures;
    private final Timer confirmation;

    PaymentMetrics(Payments payments, Revenues revenues, MeterRegistry meters) {
        this.figures = Sampled.every(
                Duration.ofSeconds(15),
                null,
                () -> new Figures(payments.countByStatus(), revenues.ticketsSold(), revenues.ticketsRefunded()));
        for (PaymentStatus status : PaymentStatus.values()) {
            Gauge.builder(
                            "echain.payments",
                            figures,
                            f -> f.get() == null
                                    ? Double.NaN
                                    : f.get().paymentsByStatus().getOrDefault(status.name(), 0L))
                    .description("Payments by status")
                    .tag("status", status.name())
                    .register(meters);
        }
        Gauge.builder(
                        "echain.tickets.sold",
                        figures,
                        f -> f.get() == null ? Double.NaN : f.get().ticketsSold())
                .description("Tickets sold on chain, refunded ones excluded")
                .register(meters);
        Gauge.builder(
                        "echain.tickets.refunded",
                        figures,
                        f -> f.get() == null ? Double.NaN : f.get().ticketsRefunded())
                .description("Tickets refunded (and burned) after a cancellation")
                .register(meters);
        this.confirmation = Timer.builder("echain.payment.confirmation")
                .description("Time from when a payment was first known to CONFIRMED")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofMinutes(30))
                .register(meters);
    }

    /** Samples the gauges now (the indexer calls this after each step). */
    void refresh() {
        figures.get();
    }

    /** Records confirmation times once the transaction that confirmed them commits. */
    void confirmed(List<Double> secondsSinceKnown) {
        if (secondsSinceKnown.isEmpty()) {
            return;
        }
        Runnable record =
                () -> secondsSinceKnown.forEach(s -> confirmation.record((long) (s * 1_000), TimeUnit.MILLISECONDS));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record.run();
                }
            });
        } else {
            record.run();
        }
    }
}
