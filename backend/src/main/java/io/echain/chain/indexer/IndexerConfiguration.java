package io.echain.chain.indexer;

import io.echain.chain.ChainProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.Web3j;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IndexerProperties.class)
class IndexerConfiguration {

    @Bean
    ChainIndexer chainIndexer(IndexerStore store, @Qualifier("backgroundWeb3j") Web3j web3j, LogProjection projection,
            TransactionTemplate transactions,
            ChainProperties chain, IndexerProperties properties, MeterRegistry meters) {
        IndexerTarget target = new IndexerTarget(
                List.of(chain.ticketNft().toLowerCase(Locale.ROOT), chain.paymentProcessor().toLowerCase(Locale.ROOT)),
                chain.deploymentBlock(), chain.confirmations());
        return new ChainIndexer(store, new ChainReader(web3j, properties.headerBatchSize()), projection, transactions,
                target, properties, meters);
    }
}
