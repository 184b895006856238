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
 * at the configured addresses (a wrong network, a wrong address or a node that was reset). A node that cannot be
 * reached does not stop the start: the chain features stay paused and {@link ChainMonitor} runs the same check
 * when the node answers (and after every outage).
 */
class ChainStartupCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ChainStartupCheck.class);

    private final Web3j web3j;
    private final ChainProperties properties;
    private final ChainAvailability availability;

    ChainStartupCheck(Web3j web3j, ChainProperties properties, ChainAvailability availability) {
        this.web3j = web3j;
        this.properties = properties;
        this.availability = availability;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.verifyOnStartup()) {
            availability.ready();
            return;
        }
        try {
            verify();
            availability.ready();
        } catch (NodeUnreachable e) {
            log.warn(
                    "{}; starting without the chain: purchases, quotes, the indexer and the outbox wait for the node",
                    e.getMessage());
            availability.unverified(e.getMessage());
        }
    }

    /**
     * Throws {@link ChainMisconfigured} unless node and configuration agree, {@link NodeUnreachable} if the node does
     * not answer.
     */
    void verify() {
        long nodeChainId;
        try {
            nodeChainId = web3j.ethChainId().send().getChainId().longValueExact();
        } catch (IOException e) {
            throw new NodeUnreachable("Cannot reach the node at " + node() + ": " + ChainMonitor.describe(e));
        }
        if (nodeChainId != properties.chainId()) {
            throw new ChainMisconfigured("The node at " + node() + " is on chain " + nodeChainId
                    + ", but echain.chain.chain-id (ECHAIN_CHAIN_ID) is " + properties.chainId());
        }
        for (Map.Entry<String, String> contract : Map.of(
                        "echain.chain.ticket-nft (ECHAIN_TICKET_NFT)", nullToEmpty(properties.ticketNft()),
                        "echain.chain.payment-processor (ECHAIN_PAYMENT_PROCESSOR)",
                                nullToEmpty(properties.paymentProcessor()))
                .entrySet()) {
            if (!WalletUtils.isValidAddress(contract.getValue())) {
                throw new ChainMisconfigured(contract.getKey() + " is not an address: '" + contract.getValue() + "'");
            }
            String code;
            try {
                code = web3j.ethGetCode(contract.getValue(), DefaultBlockParameterName.LATEST)
                        .send()
                        .getCode();
            } catch (IOException e) {
                throw new NodeUnreachable("Cannot reach the node at " + node() + ": " + ChainMonitor.describe(e));
            }
            if (code == null || code.length() <= 2) {
                throw new ChainMisconfigured("No contract code at " + contract.getKey() + " = " + contract.getValue()
                        + " on chain " + nodeChainId);
            }
        }
        log.info("Chain {} at {}: contracts present ({})", nodeChainId, node(), properties);
    }

    /** The node's scheme, host and port: providers put API keys in the path or query, which must not be shown. */
    private String node() {
        java.net.URI url = properties.rpcUrl();
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The node does not match the configuration: the application does not start, or later the chain features stop. */
    static class ChainMisconfigured extends IllegalStateException {
        ChainMisconfigured(String message) {
            super(message);
        }
    }

    /** The node did not answer; nothing is known about it yet. */
    static class NodeUnreachable extends IllegalStateException {
        NodeUnreachable(String message) {
            super(message);
        }
    }
}
