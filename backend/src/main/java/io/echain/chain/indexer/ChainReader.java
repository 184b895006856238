package io.echain.chain.indexer;

import io.echain.chain.internal.ContractEventDecoder;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/** The JSON-RPC calls the indexer makes: head, logs of a range, and block headers in batches. */
class ChainReader {

    /** A block header as far as the indexer cares. */
    record Header(long number, String hash, String parentHash, long timestamp) {}

    static final class RpcFailure extends RuntimeException {
        RpcFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Web3j web3j;
    private final int headerBatchSize;
    private final ContractEventDecoder decoder;

    ChainReader(Web3j web3j, int headerBatchSize, ContractEventDecoder decoder) {
        this.web3j = web3j;
        this.headerBatchSize = headerBatchSize;
        this.decoder = decoder;
    }

    long head() {
        try {
            return checked(web3j.ethBlockNumber().send(), "eth_blockNumber")
                    .getBlockNumber()
                    .longValueExact();
        } catch (IOException e) {
            throw new RpcFailure("eth_blockNumber failed: " + e.getMessage(), e);
        }
    }

    /** Logs of the contracts in blocks {@code from..to}, in chain order. */
    List<ChainLog> logs(List<String> addresses, long from, long to) {
        EthFilter filter = new EthFilter(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
                addresses);
        EthLog response;
        try {
            response = checked(web3j.ethGetLogs(filter).send(), "eth_getLogs");
        } catch (IOException e) {
            throw new RpcFailure("eth_getLogs failed: " + e.getMessage(), e);
        }
        List<ChainLog> logs = new ArrayList<>(response.getLogs().size());
        for (EthLog.LogResult<?> result : response.getLogs()) {
            Log log = (Log) result.get();
            if (log.isRemoved()) {
                continue;
            }
            List<String> topics = log.getTopics().stream()
                    .map(t -> t.toLowerCase(Locale.ROOT))
                    .toList();
            String contract = log.getAddress().toLowerCase(Locale.ROOT);
            logs.add(new ChainLog(
                    log.getBlockNumber().longValueExact(),
                    log.getBlockHash().toLowerCase(Locale.ROOT),
                    log.getLogIndex().intValueExact(),
                    log.getTransactionHash().toLowerCase(Locale.ROOT),
                    contract,
                    decoder.kind(contract, topics),
                    topics,
                    log.getData() == null ? "0x" : log.getData()));
        }
        logs.sort(Comparator.comparingLong(ChainLog::blockNumber).thenComparingInt(ChainLog::logIndex));
        return logs;
    }

    /** Headers of blocks {@code from..to} in ascending order; fewer if the node does not have them all. */
    List<Header> headers(long from, long to) {
        List<Header> headers = new ArrayList<>((int) (to - from + 1));
        for (long start = from; start <= to; start += headerBatchSize) {
            long end = Math.min(to, start + headerBatchSize - 1);
            BatchRequest batch = web3j.newBatch();
            for (long n = start; n <= end; n++) {
                batch.add(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false));
            }
            BatchResponse response;
            try {
                response = batch.send();
            } catch (IOException e) {
                throw new RpcFailure("eth_getBlockByNumber batch failed: " + e.getMessage(), e);
            }
            for (Response<?> r : response.getResponses()) {
                EthBlock.Block block =
                        checked((EthBlock) r, "eth_getBlockByNumber").getBlock();
                if (block == null) {
                    return headers;
                }
                headers.add(new Header(
                        block.getNumber().longValueExact(),
                        block.getHash().toLowerCase(Locale.ROOT),
                        block.getParentHash().toLowerCase(Locale.ROOT),
                        block.getTimestamp().longValueExact()));
            }
        }
        headers.sort(Comparator.comparingLong(Header::number));
        return headers;
    }

    /** The node's hash of block {@code number}, or null if it has no such block. */
    String hashOf(long number) {
        List<Header> one = headers(number, number);
        return one.isEmpty() ? null : one.get(0).hash();
    }

    private static <T extends Response<?>> T checked(T response, String method) {
        if (response.hasError()) {
            throw new RpcFailure(method + " failed: " + response.getError().getMessage(), null);
        }
        return response;
    }
}
