package io.echain.chain.internal;

import io.echain.chain.ChainProperties;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Refuses to start the application when the node is on another chain than configured or there is no contract code
 * at the configured addresses (a wrong network, a wrong address or a node that was reset).
 */
class ChainStartupCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ChainStartupCheck.class);

    private final Web3j web3j;
    private final ChainProperties properties;

    ChainStartupCheck(Web3j web3j, ChainProperties properties) {
        this.web3j = web3j;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.verifyOnStartup()) {
            verify();
        }
    }

    /** Throws {@link ChainMisconfigured} unless node and configuration agree. */
    void verify() {
        long nodeChainId;
        try {
            nodeChainId = web3j.ethChainId().send().getChainId().longValueExact();
        } catch (IOException e) {
            throw new ChainMisconfigured("Cannot reach the node at " + properties.rpcUrl() + ": " + e.getMessage());
        }
        if (nodeChainId != properties.chainId()) {
            throw new ChainMisconfigured("The node at " + properties.rpcUrl() + " is on chain " + nodeChainId
                    + ", but echain.chain.chain-id is " + properties.chainId());
        }
        for (Map.Entry<String, String> contract : Map.of("echain.chain.ticket-nft", nullToEmpty(properties.ticketNft()),
                "echain.chain.payment-processor", nullToEmpty(properties.paymentProcessor())).entrySet()) {
            if (!WalletUtils.isValidAddress(contract.getValue())) {
                throw new ChainMisconfigured(contract.getKey() + " is not an address: '" + contract.getValue() + "'");
            }
            String code;
            try {
                code = web3j.ethGetCode(contract.getValue(), DefaultBlockParameterName.LATEST).send().getCode();
            } catch (IOException e) {
                throw new ChainMisconfigured("Cannot reach the node at " + properties.rpcUrl() + ": " + e.getMessage());
            }
            if (code == null || code.length() <= 2) {
                throw new ChainMisconfigured("No contract code at " + contract.getKey() + " = " + contract.getValue()
                        + " on chain " + nodeChainId);
            }
        }
        log.info("Chain {} at {}: contracts present ({})", nodeChainId, properties.rpcUrl(), properties);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The node does not match the configuration; the application must not start. */
    static class ChainMisconfigured extends IllegalStateException {
        ChainMisconfigured(String message) {
            super(message);
        }
    }
}
