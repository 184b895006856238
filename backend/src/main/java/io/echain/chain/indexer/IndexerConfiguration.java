package io.echain.chain.indexer;

import io.echain.chain.ChainProperties;
import io.echain.chain.Confirmations;
import io.echain.chain.internal.ContractEventDecoder;
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

    /** The modules' projections come in their {@code @Order}: events, tickets, payments. */
    @Bean
    ChainIndexer chainIndexer(
            IndexerStore store,
            @Qualifier("backgroundWeb3j") Web3j web3j,
            List<ChainProjection> projections,
            ContractEventDecoder decoder,
            Confirmations confirmations,
            ChainClock clock,
            TransactionTemplate transactions,
            ChainProperties chain,
            IndexerProperties properties,
            MeterRegistry meters) {
        IndexerTarget target = new IndexerTarget(
                List.of(
                        chain.ticketNft().toLowerCase(Locale.ROOT),
                        chain.paymentProcessor().toLowerCase(Locale.ROOT)),
                chain.deploymentBlock());
        return new ChainIndexer(
                store,
                new ChainReader(web3j, properties.headerBatchSize(), decoder),
                projections,
                decoder,
                confirmations,
                clock,
                transactions,
                target,
                properties,
                meters);
    }
}
