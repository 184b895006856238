package io.echain.chain.internal;

import io.echain.chain.ChainProperties;
import io.echain.chain.ContractReads;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;

/** The typed views of the contracts: the log decoder the indexer uses and the reads requests use. */
@Configuration(proxyBeanMethods = false)
class ContractsConfiguration {

    @Bean
    ContractEventDecoder contractEventDecoder(ChainProperties properties) {
        return new ContractEventDecoder(properties.ticketNft(), properties.paymentProcessor());
    }

    @Bean
    ContractReads contractReads(
            Web3j web3j,
            @Qualifier("backgroundWeb3j") Web3j backgroundWeb3j,
            Web3jService web3jService,
            ChainProperties properties,
            ContractEventDecoder decoder) {
        return new ContractReads(web3j, backgroundWeb3j, web3jService, properties, decoder);
    }
}
