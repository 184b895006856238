package io.echain.shared.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.registry.EntryAddedEvent;
import io.github.resilience4j.core.registry.EntryRemovedEvent;
import io.github.resilience4j.core.registry.EntryReplacedEvent;
import io.github.resilience4j.core.registry.RegistryEventConsumer;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Resilience4j registry of the circuit breakers in front of the database and the chain node. Every breaker
 * logs its state changes and exports {@code resilience4j_circuitbreaker_*} metrics (state, calls, failure rate).
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ResilienceConfiguration.class);

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(ObjectProvider<MeterRegistry> meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(
                io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.ofDefaults(),
                new RegistryEventConsumer<CircuitBreaker>() {
                    @Override
                    public void onEntryAddedEvent(EntryAddedEvent<CircuitBreaker> added) {
                        CircuitBreaker breaker = added.getAddedEntry();
                        breaker.getEventPublisher().onStateTransition(event -> {
                            if (event.getStateTransition().getToState() == CircuitBreaker.State.CLOSED) {
                                log.info(
                                        "Circuit breaker '{}' closed: {} answers again",
                                        breaker.getName(),
                                        breaker.getName());
                            } else {
                                log.warn(
                                        "Circuit breaker '{}' {} (failure rate {}%)",
                                        breaker.getName(),
                                        event.getStateTransition(),
                                        breaker.getMetrics().getFailureRate());
                            }
                        });
                    }

                    @Override
                    public void onEntryRemovedEvent(EntryRemovedEvent<CircuitBreaker> removed) {}

                    @Override
                    public void onEntryReplacedEvent(EntryReplacedEvent<CircuitBreaker> replaced) {}
                });
        meters.ifAvailable(registryOfMeters ->
                TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(registryOfMeters));
        return registry;
    }
}
