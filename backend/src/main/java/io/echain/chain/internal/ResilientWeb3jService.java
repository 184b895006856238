package io.echain.chain.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.reactivex.Flowable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.websocket.events.Notification;

/**
 * Every JSON-RPC call to the node goes through here: refused at once while the chain features are paused
 * ({@link ChainAvailability}, unless this client is the one that checks the node) or while the {@code node} circuit
 * breaker is open, and otherwise counted by the breaker (a failure is an {@link IOException}: refused, timed out, an
 * HTTP error; a JSON-RPC error such as a revert is an answer). Refusals are {@link IOException}s too, so every caller
 * treats them as an unreachable node.
 */
class ResilientWeb3jService implements Web3jService {

    /** The circuit breaker is open: the node failed too often lately. */
    static class CircuitOpen extends IOException {
        CircuitOpen(CircuitBreaker breaker) {
            super("the node failed " + Math.round(breaker.getMetrics().getFailureRate())
                    + "% of the latest calls; circuit breaker " + breaker.getState());
        }
    }

    private interface Call<T> {
        T send() throws IOException;
    }

    private final Web3jService target;
    private final CircuitBreaker breaker;
    private final ChainAvailability gate;

    /** @param gate the chain features' state to respect, or null for the client that checks the node itself */
    ResilientWeb3jService(Web3jService target, CircuitBreaker breaker, ChainAvailability gate) {
        this.target = target;
        this.breaker = breaker;
        this.gate = gate;
    }

    @Override
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
        return guarded(() -> target.send(request, responseType));
    }

    @Override
    public BatchResponse sendBatch(BatchRequest batch) throws IOException {
        return guarded(() -> target.sendBatch(batch));
    }

    @Override
    public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> responseType) {
        return CompletableFuture.supplyAsync(
                () -> unchecked(() -> send(request, responseType)), Thread::startVirtualThread);
    }

    @Override
    public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batch) {
        return CompletableFuture.supplyAsync(() -> unchecked(() -> sendBatch(batch)), Thread::startVirtualThread);
    }

    @Override
    public <T extends Notification<?>> Flowable<T> subscribe(
            Request request, String unsubscribeMethod, Class<T> responseType) {
        return target.subscribe(request, unsubscribeMethod, responseType);
    }

    @Override
    public void close() throws IOException {
        target.close();
    }

    private <T> T guarded(Call<T> call) throws IOException {
        if (gate != null && !gate.isReady()) {
            throw gate.refusal();
        }
        if (!breaker.tryAcquirePermission()) {
            throw new CircuitOpen(breaker);
        }
        long start = System.nanoTime();
        try {
            T result = call.send();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (IOException | RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.send();
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }
}
