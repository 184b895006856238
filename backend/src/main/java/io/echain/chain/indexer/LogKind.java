package io.echain.chain.indexer;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.web3j.crypto.Hash;

/** The contract events the projection reads, with their Solidity signatures (topic 0 = keccak256). */
public enum LogKind {
    EVENT_REGISTERED("EventRegistered(uint256,address,uint256,uint256,uint256,uint256,uint256,bool,address,uint256)"),
    EVENT_UPDATED("EventUpdated(uint256,uint256,uint256,uint256,uint256,address)"),
    TRANSFER("Transfer(address,address,uint256)"),
    TICKETS_PURCHASED("TicketsPurchased(uint256,uint256,address,uint256,uint256,uint256)"),
    EVENT_CANCELLED("EventCancelled(uint256,address)"),
    TICKET_REFUNDED("TicketRefunded(uint256,uint256,address,uint256)"),
    EVENT_SETTLED("EventSettled(uint256,uint256,uint256,uint256)"),
    ORGANIZER_WITHDRAWN("OrganizerWithdrawn(uint256,address,uint256)"),
    ROYALTY_RECEIVED("RoyaltyReceived(uint256,address,uint256,uint256,uint256)"),
    ROYALTY_WITHDRAWN("RoyaltyWithdrawn(uint256,address,uint256)"),
    PLATFORM_FEES_WITHDRAWN("PlatformFeesWithdrawn(address,uint256)"),
    /** Any other log of the two contracts: recorded, not projected. */
    OTHER(null);

    private static final Map<String, LogKind> BY_TOPIC = Arrays.stream(values()).filter(k -> k.topic != null)
            .collect(Collectors.toUnmodifiableMap(LogKind::topic, Function.identity()));

    private final String signature;
    private final String topic;

    LogKind(String signature) {
        this.signature = signature;
        this.topic = signature == null ? null : Hash.sha3String(signature);
    }

    public String signature() {
        return signature;
    }

    /** topic 0 of this event, 0x-prefixed lower-case hex. */
    public String topic() {
        return topic;
    }

    public static LogKind of(String topic0) {
        return topic0 == null ? OTHER : BY_TOPIC.getOrDefault(topic0.toLowerCase(java.util.Locale.ROOT), OTHER);
    }
}
