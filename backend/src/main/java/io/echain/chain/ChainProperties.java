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
 * @param confirmations confirmations a transaction needs, its own block included ({@link Confirmations})
 * @param pollInterval how often the outbox worker and receipt tracking look for work
 * @param rpcTimeout timeout of one JSON-RPC call
 * @param verifyOnStartup check chain id and contract code at startup
 * @param outbox the worker that sends event intents on chain
 * @param wallet how wallets and the web app reach the chain (public RPC URL, name, explorer)
 */
@ConfigurationProperties("echain.chain")
public record ChainProperties(
        URI rpcUrl,
        long chainId,
        String ticketNft,
        String paymentProcessor,
        long deploymentBlock,
        String operatorKey,
        @DefaultValue("3") int confirmations,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration rpcTimeout,
        @DefaultValue("true") boolean verifyOnStartup,
        @DefaultValue Outbox outbox,
        @DefaultValue Wallet wallet) {

    /**
     * What {@code GET /api/chain} tells a wallet so it can add or switch to the chain
     * ({@code wallet_addEthereumChain}).
     *
     * @param rpcUrl JSON-RPC URL a browser wallet can reach ({@code ECHAIN_PUBLIC_RPC_URL}); empty: none is
     *     published, never the backend's own {@code rpc-url} (a provider URL carries its API key); the local Anvil
     *     the backend starts itself (dev, tests) sets it to its own URL
     * @param chainName the chain's name as a wallet shows it; empty: the well-known name of the chain id
     * @param blockExplorerUrl the explorer's base URL; empty: the well-known explorer of the chain id, if any
     */
    public record Wallet(
            @DefaultValue("") String rpcUrl,
            @DefaultValue("") String chainName,
            @DefaultValue("") String blockExplorerUrl) {}

    /**
     * The RPC URL for wallets and the web app: the configured public one, or null when there is none. Never the
     * backend's own {@link #rpcUrl()}: a provider's URL carries its API key, and {@code GET /api/chain} is public.
     */
    public String publicRpcUrl() {
        return wallet.rpcUrl().isBlank() ? null : wallet.rpcUrl();
    }

    /** The chain's name for wallets: the configured one, else the well-known name of the chain id. */
    public String chainName() {
        if (!wallet.chainName().isBlank()) {
            return wallet.chainName();
        }
        return switch ((int) chainId) {
            case 8453 -> "Base";
            case 84532 -> "Base Sepolia";
            case 31337 -> "Anvil (local)";
            default -> "Chain " + chainId;
        };
    }

    /** The block explorer's base URL, or null when the chain has none (a local Anvil). */
    public String blockExplorerUrl() {
        if (!wallet.blockExplorerUrl().isBlank()) {
            return wallet.blockExplorerUrl();
        }
        return switch ((int) chainId) {
            case 8453 -> "https://basescan.org";
            case 84532 -> "https://sepolia.basescan.org";
            default -> null;
        };
    }

    /**
     * @param enabled run the worker on this instance (it still only sends while it holds the database lock)
     * @param batchSize intents sent per round
     * @param maxAttempts sends of one intent before it is marked FAILED
     * @param retryDelay pause before an intent is retried after a transient error
     */
    public record Outbox(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("50") int batchSize,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("2s") Duration retryDelay) {}

    @Override
    public String toString() {
        return "ChainProperties[rpcUrl=" + rpcUrl + ", chainId=" + chainId + ", ticketNft=" + ticketNft
                + ", paymentProcessor=" + paymentProcessor + ", deploymentBlock=" + deploymentBlock
                + ", operatorKey=" + (operatorKey == null || operatorKey.isBlank() ? "<none>" : "<set>")
                + ", confirmations=" + confirmations + "]";
    }
}
