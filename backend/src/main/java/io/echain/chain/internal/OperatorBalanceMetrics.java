package io.echain.chain.internal;

import io.echain.chain.ChainProperties;
import io.echain.shared.Sampled;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Convert;

/**
 * {@code echain.operator.balance} (ether): what the operator account has left to pay gas with, read from the node
 * every 30 seconds. Registered only when an operator key is configured; unknown (NaN) while the node is unreachable.
 */
@Component
class OperatorBalanceMetrics implements MeterBinder {

    private final Sampled<Double> balance;
    private final boolean configured;

    OperatorBalanceMetrics(Web3j web3j, ChainProperties properties) {
        this.configured =
                properties.operatorKey() != null && !properties.operatorKey().isBlank();
        String address =
                configured ? Credentials.create(properties.operatorKey()).getAddress() : null;
        this.balance = Sampled.every(Duration.ofSeconds(30), Double.NaN, () -> {
            try {
                var answer = web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST)
                        .send();
                if (answer.hasError()) {
                    throw new IllegalStateException(answer.getError().getMessage());
                }
                return Convert.fromWei(new BigDecimal(answer.getBalance()), Convert.Unit.ETHER)
                        .doubleValue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        if (configured) {
            Gauge.builder("echain.operator.balance", balance, Sampled::get)
                    .baseUnit("ether")
                    .description("Balance of the operator account that pays the outbox's gas")
                    .register(meters);
        }
    }
}
