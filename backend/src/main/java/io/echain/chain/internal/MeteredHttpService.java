package io.echain.chain.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * web3j's HTTP transport, timing every round trip to the node as {@code echain.rpc.requests} by JSON-RPC method and
 * outcome ({@code success}, {@code rpc_error}: the node answered with an error, {@code io_error}: no answer). A batch
 * is one round trip, tagged with its method when all its calls share one ({@code mixed} otherwise) and
 * {@code batch=true}. Method names come from this code base, so the tag's values are bounded.
 */
class MeteredHttpService extends HttpService {

    private final MeterRegistry meters;

    MeteredHttpService(String url, OkHttpClient http, MeterRegistry meters) {
        super(url, http);
        this.meters = meters;
    }

    @Override
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
        long started = System.nanoTime();
        String outcome = "io_error";
        try {
            T response = super.send(request, responseType);
            outcome = response.hasError() ? "rpc_error" : "success";
            return response;
        } finally {
            timer(request.getMethod(), outcome, false).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public BatchResponse sendBatch(BatchRequest batch) throws IOException {
        long started = System.nanoTime();
        String outcome = "io_error";
        try {
            BatchResponse response = super.sendBatch(batch);
            outcome = response.getResponses().stream().anyMatch(Response::hasError) ? "rpc_error" : "success";
            return response;
        } finally {
            timer(method(batch.getRequests()), outcome, true).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private static String method(List<? extends Request<?, ?>> requests) {
        String first = requests.isEmpty() ? "empty" : requests.get(0).getMethod();
        return requests.stream().allMatch(r -> r.getMethod().equals(first)) ? first : "mixed";
    }

    private Timer timer(String method, String outcome, boolean batch) {
        return Timer.builder("echain.rpc.requests")
                .description("JSON-RPC round trips to the chain node")
                .tag("method", method)
                .tag("outcome", outcome)
                .tag("batch", Boolean.toString(batch))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
    }
}
