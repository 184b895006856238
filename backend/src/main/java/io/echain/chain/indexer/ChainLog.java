package io.echain.chain.indexer;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * One applied contract log: where it sits in the chain and its raw topics and data, with accessors that
 * decode the ABI words (every field the projection reads is a static 32-byte word).
 */
public record ChainLog(long blockNumber, String blockHash, int logIndex, String txHash, String contract, LogKind kind,
        List<String> topics, String data) {

    /** Indexed parameter {@code i} (1-based, topic 0 is the signature) as an unsigned integer. */
    public BigInteger topicUint(int i) {
        return new BigInteger(strip(topics.get(i)), 16);
    }

    /** Indexed parameter {@code i} as a lower-case address. */
    public String topicAddress(int i) {
        String hex = strip(topics.get(i));
        return "0x" + hex.substring(hex.length() - 40).toLowerCase(Locale.ROOT);
    }

    /** Non-indexed word {@code i} (0-based) as an unsigned integer. */
    public BigInteger word(int i) {
        String hex = strip(data);
        return new BigInteger(hex.substring(64 * i, 64 * (i + 1)), 16);
    }

    /** Non-indexed word {@code i} as a lower-case address. */
    public String wordAddress(int i) {
        String hex = strip(data);
        return "0x" + hex.substring(64 * i + 24, 64 * (i + 1)).toLowerCase(Locale.ROOT);
    }

    public boolean wordBool(int i) {
        return word(i).signum() != 0;
    }

    private static String strip(String hex) {
        return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    }
}
