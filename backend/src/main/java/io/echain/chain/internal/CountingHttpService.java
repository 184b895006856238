package io.echain.chain.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.OkHttpClient;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/**
 * The node's HTTP service (latency by {@link MeteredHttpService}), counting what the backend asks of the node: {@code echain.chain.rpc.calls{method}} per
 * JSON-RPC call (a batch counts each of its calls) and {@code echain.chain.rpc.requests} per HTTP request. Paid
 * providers bill per call and rate-limit per request, so both matter.
 */
class CountingHttpService extends MeteredHttpService {

    private final MeterRegistry meters;
    private final ConcurrentMap<String, Counter> calls = new ConcurrentHashMap<>();
    private final Counter requests;

    CountingHttpService(String url, OkHttpClient http, MeterRegistry meters) {
        super(url, http, meters);
        this.meters = meters;
        this.requests = Counter.builder("echain.chain.rpc.requests")
                .description("HTTP requests to the chain node")
                .register(meters);
    }

    @Override
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
        count(request);
        requests.increment();
        return super.send(request, responseType);
    }

    @Override
    public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> responseType) {
        count(request);
        requests.increment();
        return super.sendAsync(request, responseType);
    }

    @Override
    public BatchResponse sendBatch(BatchRequest batchRequest) throws IOException {
        batchRequest.getRequests().forEach(this::count);
        requests.increment();
        return super.sendBatch(batchRequest);
    }

    @Override
    public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batchRequest) {
        batchRequest.getRequests().forEach(this::count);
        requests.increment();
        return super.sendBatchAsync(batchRequest);
    }

    private void count(Request<?, ?> request) {
        calls.computeIfAbsent(
                        request.getMethod(),
                        method -> Counter.builder("echain.chain.rpc.calls")
                                .tag("method", method)
                                .description("JSON-RPC calls to the chain node, by method")
                                .register(meters))
                .increment();
    }
}
