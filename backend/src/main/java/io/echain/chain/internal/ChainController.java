package io.echain.chain.internal;

import io.echain.chain.ChainProperties;
import io.echain.chain.ChainUnavailable;
import io.echain.shared.ServiceUnavailable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.web3j.protocol.Web3j;

/**
 * Where the contracts are, for wallets and the web app: chain id, addresses, confirmations, current head. While the
 * node does not match the configuration (the chain features stopped), the 503's detail is the reason purchases are
 * paused, in a buyer's words ({@link ChainAvailability#pausedBecause()}), so the web app does not claim the node is
 * unreachable.
 */
@RestController
@RequestMapping(path = "/api/chain", produces = "application/json")
class ChainController {

    @Schema(description = "The chain the backend works on")
    record ChainInfo(
            long chainId,

            @Schema(description = "The chain's name as a wallet shows it")
            String chainName,

            @Schema(
                    description = "JSON-RPC URL for wallets (wallet_addEthereumChain) and the web app: "
                            + "ECHAIN_PUBLIC_RPC_URL; absent when that is not set (the backend's own node URL is "
                            + "never published)",
                    nullable = true)
            String rpcUrl,

            @Schema(description = "Block explorer base URL; absent on a local chain", nullable = true)
            String blockExplorerUrl,

            String ticketNft,
            String paymentProcessor,
            long deploymentBlock,

            @Schema(
                    description = "Confirmations a transaction needs before the backend counts it as confirmed: its "
                            + "block and the blocks on top of it (head - block + 1, as wallets count them)")
            int confirmations,

            @Schema(description = "Latest block number the node reports")
            long headBlock) {}

    private static final Logger log = LoggerFactory.getLogger(ChainController.class);
    /** A misconfiguration waits for an operator: no point in asking again every few seconds. */
    private static final long MISCONFIGURED_RETRY_SECONDS = 30;

    private final ChainProperties properties;
    private final Web3j web3j;
    private final ChainAvailability availability;

    ChainController(ChainProperties properties, Web3j web3j, ChainAvailability availability) {
        this.properties = properties;
        this.web3j = web3j;
        this.availability = availability;
        if (properties.publicRpcUrl() == null) {
            log.warn("ECHAIN_PUBLIC_RPC_URL is not set: GET /api/chain gives wallets and the web app no RPC URL"
                    + " (ECHAIN_RPC_URL is never published, it usually carries the provider's API key); set a public"
                    + " endpoint, e.g. https://mainnet.base.org or https://sepolia.base.org");
        }
    }

    @GetMapping
    @Operation(summary = "Chain id, contract addresses and the node's current block")
    @ApiResponse(
            responseCode = "200",
            description = "The chain the backend works on",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ChainInfo.class)))
    @ApiResponse(
            responseCode = "503",
            description = "The node is unreachable; see Retry-After",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ChainInfo info() {
        long head;
        try {
            head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        } catch (IOException e) {
            if (availability.state() == ChainAvailability.State.MISCONFIGURED) {
                throw new ServiceUnavailable(
                        availability.pausedBecause().orElse("Purchases are paused"), MISCONFIGURED_RETRY_SECONDS);
            }
            throw new ChainUnavailable("eth_blockNumber");
        }
        return new ChainInfo(
                properties.chainId(),
                properties.chainName(),
                properties.publicRpcUrl(),
                properties.blockExplorerUrl(),
                properties.ticketNft(),
                properties.paymentProcessor(),
                properties.deploymentBlock(),
                properties.confirmations(),
                head);
    }
}
