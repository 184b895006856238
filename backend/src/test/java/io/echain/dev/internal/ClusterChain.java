package io.echain.dev.internal;

import io.echain.dev.DevKeys;
import java.nio.file.Path;

/** A local Anvil of its own (a chain no other test context uses), with the contracts deployed, for cluster tests. */
public final class ClusterChain {

    /** Where the node is and what the backend needs to use it. */
    public record Node(
            String rpcUrl,
            long chainId,
            String ticketNft,
            String paymentProcessor,
            long deploymentBlock,
            String operatorKey) {}

    private ClusterChain() {}

    /** Starts (once per JVM and settings) an Anvil mining a block every {@code blockTime} seconds. */
    public static Node start(long chainId, int blockTime) {
        Path contracts = java.nio.file.Files.isDirectory(Path.of("contracts", "script"))
                ? Path.of("contracts")
                : Path.of("..", "contracts");
        LocalAnvil.Node node = LocalAnvil.start(
                new LocalAnvil.Options(contracts, chainId, blockTime, 0, null, "http://localhost:8080/api/tickets/"));
        return new Node(
                node.rpcUrl(),
                node.chainId(),
                node.ticketNft(),
                node.paymentProcessor(),
                node.deploymentBlock(),
                DevKeys.privateKey(DevKeys.OPERATOR));
    }
}
