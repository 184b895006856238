package io.echain.chain;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the contracts live and how the backend talks to them ({@code echain.chain.*}). In production every value
 * comes from the environment; with {@code echain.chain.local-anvil.enabled=true} (dev, tests) a local Anvil is
 * started, the contracts are deployed, and rpc-url, chain-id, addresses, deployment block and operator key are
 * filled in from the deployment.
 *
 * @param rpcUrl JSON-RPC endpoint of the node
 * @param chainId the chain the contracts are on; the backend refuses to start if the node reports another
 * @param ticketNft address of EventTicketNFT
 * @param paymentProcessor address of PaymentProcessor
 * @param deploymentBlock first block that can hold logs of the contracts
 * @param operatorKey hex private key of the operator account (registers, updates and cancels events)
 * @param confirmations blocks on top of a transaction's block before it counts as confirmed
 * @param pollInterval how often the outbox worker and receipt tracking look for work
 * @param rpcTimeout timeout of one JSON-RPC call
 * @param verifyOnStartup check chain id and contract code at startup
 * @param outbox the worker that sends event intents on chain
 */
@ConfigurationProperties("echain.chain")
public record ChainProperties(URI rpcUrl, long chainId, String ticketNft, String paymentProcessor,
        long deploymentBlock, String operatorKey, @DefaultValue("3") int confirmations,
        @DefaultValue("1s") Duration pollInterval, @DefaultValue("10s") Duration rpcTimeout,
        @DefaultValue("true") boolean verifyOnStartup, @DefaultValue Outbox outbox) {

    /**
     * @param enabled run the worker on this instance (it still only sends while it holds the database lock)
     * @param batchSize intents sent per round
     * @param maxAttempts sends of one intent before it is marked FAILED
     * @param retryDelay pause before an intent is retried after a transient error
     */
    public record Outbox(@DefaultValue("true") boolean enabled, @DefaultValue("50") int batchSize,
            @DefaultValue("10") int maxAttempts, @DefaultValue("2s") Duration retryDelay) {
    }

    @Override
    public String toString() {
        return "ChainProperties[rpcUrl=" + rpcUrl + ", chainId=" + chainId + ", ticketNft=" + ticketNft
                + ", paymentProcessor=" + paymentProcessor + ", deploymentBlock=" + deploymentBlock
                + ", operatorKey=" + (operatorKey == null || operatorKey.isBlank() ? "<none>" : "<set>")
                + ", confirmations=" + confirmations + "]";
    }
}
