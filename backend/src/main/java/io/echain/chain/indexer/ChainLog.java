package io.echain.chain.indexer;

import java.util.List;

/**
 * One applied contract log as the node returned it: where it sits in the chain, the contract, its raw topics and
 * data, and the name of the contract event it is ({@code OTHER} for logs no projection reads). The indexer stores it
 * so a rollback can decode and undo it; projections only ever see the decoded {@link ContractEvent}.
 */
public record ChainLog(
        long blockNumber,
        String blockHash,
        int logIndex,
        String txHash,
        String contract,
        String kind,
        List<String> topics,
        String data) {

    public ContractEvent.Position position() {
        return position(null);
    }

    /** Where the log sits, with its block's timestamp (null when unknown). */
    public ContractEvent.Position position(java.time.Instant blockTime) {
        return new ContractEvent.Position(blockNumber, blockHash, logIndex, txHash, blockTime);
    }
}
