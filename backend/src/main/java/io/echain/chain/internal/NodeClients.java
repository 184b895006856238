package io.echain.chain.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.beans.factory.DisposableBean;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;

/**
 * The node's circuit breaker and the three clients that share it: {@code probe} checks the node itself (it is never
 * paused), {@code requests} serves request paths with the short deadline, {@code background} the indexer and outbox.
 */
record NodeClients(CircuitBreaker breaker, Web3j probe, Web3j requests, Web3jService requestsService, Web3j background)
        implements DisposableBean {

    @Override
    public void destroy() {
        probe.shutdown();
        requests.shutdown();
        background.shutdown();
    }
}
