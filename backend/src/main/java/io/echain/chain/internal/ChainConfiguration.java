package io.echain.chain.internal;

import io.echain.chain.ChainProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The web3j client for the configured node, checked against the configuration before the application starts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChainProperties.class)
class ChainConfiguration {

    @Bean(destroyMethod = "shutdown")
    Web3j web3j(ChainProperties properties, ObjectProvider<MeterRegistry> meters) {
        if (properties.rpcUrl() == null) {
            throw new IllegalStateException("echain.chain.rpc-url (ECHAIN_RPC_URL) is not set");
        }
        long timeout = properties.rpcTimeout().toMillis();
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS).writeTimeout(timeout, TimeUnit.MILLISECONDS).build();
        MeterRegistry registry = meters.getIfAvailable();
        String url = properties.rpcUrl().toString();
        return Web3j.build(registry == null ? new HttpService(url, http) : new MeteredHttpService(url, http, registry));
    }

    @Bean
    ChainStartupCheck chainStartupCheck(Web3j web3j, ChainProperties properties) {
        return new ChainStartupCheck(web3j, properties);
    }
}
