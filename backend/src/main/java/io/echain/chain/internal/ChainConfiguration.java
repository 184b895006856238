package io.echain.chain.internal;

import io.echain.chain.ChainProperties;
import io.echain.chain.indexer.IndexerStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.http.HttpService;

/**
 * The web3j clients for the configured node, all behind the {@code node} circuit breaker: the primary one for
 * request paths (deadline {@code echain.chain.rpc-timeout}), {@code backgroundWeb3j} for the indexer and the outbox
 * (deadline {@code echain.resilience.node.background-timeout}); both refuse calls while the chain features are paused.
 * The node is checked against the configuration at start when it answers, and by {@link ChainMonitor} when it comes
 * back; the application starts without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ChainProperties.class, NodeResilience.class, ChainHealthSettings.class})
class ChainConfiguration {

    static final String BREAKER = "node";

    @Bean
    ChainAvailability chainAvailability(ApplicationEventPublisher publisher) {
        return new ChainAvailability(publisher);
    }

    @Bean
    NodeClients nodeClients(
            ChainProperties properties,
            NodeResilience resilience,
            ObjectProvider<CircuitBreakerRegistry> registries,
            ChainAvailability availability,
            ObjectProvider<MeterRegistry> meters) {
        if (properties.rpcUrl() == null) {
            throw new IllegalStateException("echain.chain.rpc-url (ECHAIN_RPC_URL) is not set");
        }
        CircuitBreaker breaker = registries
                .getIfAvailable(CircuitBreakerRegistry::ofDefaults)
                .circuitBreaker(BREAKER, resilience.breaker().config(IOException.class::isInstance));
        // The metered service is the innermost transport: every call that reaches the node is counted by method and
        // outcome, whatever the breaker decides around it.
        MeterRegistry registry = meters.getIfAvailable();
        String url = properties.rpcUrl().toString();
        HttpService requests = transport(url, http(properties.rpcTimeout()), registry);
        HttpService background = transport(url, http(resilience.backgroundTimeout()), registry);
        ResilientWeb3jService requestsService = new ResilientWeb3jService(requests, breaker, availability);
        return new NodeClients(
                breaker,
                Web3j.build(new ResilientWeb3jService(requests, breaker, null)),
                Web3j.build(requestsService),
                requestsService,
                Web3j.build(new ResilientWeb3jService(background, breaker, availability)));
    }

    private static HttpService transport(String url, OkHttpClient http, MeterRegistry registry) {
        return registry == null ? new HttpService(url, http) : new CountingHttpService(url, http, registry);
    }

    /** Every call is over within the deadline: connecting, sending and reading included. */
    private static OkHttpClient http(Duration deadline) {
        long millis = deadline.toMillis();
        return new OkHttpClient.Builder()
                .callTimeout(millis, TimeUnit.MILLISECONDS)
                .connectTimeout(millis, TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .writeTimeout(millis, TimeUnit.MILLISECONDS)
                .build();
    }

    @Bean(destroyMethod = "")
    @Primary
    Web3j web3j(NodeClients clients) {
        return clients.requests();
    }

    /** The request paths' transport, for JSON-RPC batches ({@code ContractReads}); shut down with {@link NodeClients}. */
    @Bean(destroyMethod = "")
    Web3jService web3jService(NodeClients clients) {
        return clients.requestsService();
    }

    /** Shut down with {@link NodeClients}. */
    @Bean(destroyMethod = "")
    Web3j backgroundWeb3j(NodeClients clients) {
        return clients.background();
    }

    @Bean
    ChainStartupCheck chainStartupCheck(
            NodeClients clients, ChainProperties properties, ChainAvailability availability) {
        return new ChainStartupCheck(clients.probe(), properties, availability);
    }

    @Bean
    ChainMonitor chainMonitor(
            NodeClients clients,
            ChainStartupCheck check,
            ChainAvailability availability,
            ChainProperties properties,
            NodeResilience resilience,
            ObjectProvider<IndexerStatus> indexer,
            ObjectProvider<MeterRegistry> meters) {
        return new ChainMonitor(clients.probe(), check, availability, properties, resilience, indexer, meters);
    }

    @Bean
    ChainHealthIndicator chainHealthIndicator(
            ChainMonitor monitor,
            ChainAvailability availability,
            NodeClients clients,
            ChainProperties properties,
            ChainHealthSettings settings) {
        return new ChainHealthIndicator(monitor, availability, clients.breaker(), properties, settings);
    }
}
