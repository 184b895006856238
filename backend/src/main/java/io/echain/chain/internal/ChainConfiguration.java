package io.echain.chain.internal;

import io.echain.chain.ChainProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;

/** The web3j client for the configured node, checked against the configuration before the application starts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChainProperties.class)
class ChainConfiguration {

    /** The node's HTTP service, counting calls by method; {@link Web3j#shutdown} closes it. */
    @Bean(destroyMethod = "")
    CountingHttpService web3jService(ChainProperties properties, MeterRegistry meters) {
        if (properties.rpcUrl() == null) {
            throw new IllegalStateException("echain.chain.rpc-url (ECHAIN_RPC_URL) is not set");
        }
        long timeout = properties.rpcTimeout().toMillis();
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS).writeTimeout(timeout, TimeUnit.MILLISECONDS).build();
        return new CountingHttpService(properties.rpcUrl().toString(), http, meters);
    }

    @Bean(destroyMethod = "shutdown")
    Web3j web3j(CountingHttpService web3jService) {
        return Web3j.build(web3jService);
    }

    @Bean
    ChainStartupCheck chainStartupCheck(Web3j web3j, ChainProperties properties) {
        return new ChainStartupCheck(web3j, properties);
    }
}
