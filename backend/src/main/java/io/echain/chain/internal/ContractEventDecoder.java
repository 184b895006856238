package io.echain.chain.internal;

import io.echain.chain.contracts.EventTicketNFT;
import io.echain.chain.contracts.PaymentProcessor;
import io.echain.chain.indexer.ChainLog;
import io.echain.chain.indexer.ContractEvent;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Turns logs of the two contracts into {@link ContractEvent}s with the generated wrappers' event definitions and
 * decoders, so every topic and word is read as the deployed ABI says. A log is only decoded as an event of the
 * contract that declares it (a {@code Transfer} must come from the ticket contract, a {@code TicketsPurchased} from
 * the payment processor). {@code Transfer} logs of mints and burns are not decoded at all: every mint repeats its
 * {@code TicketsPurchased} log and every burn its {@code TicketRefunded} log, and mints are half of all logs (one
 * per ticket); they are recognized by a {@code from} (or {@code to}) topic equal to the ABI encoding of the zero
 * address. Public for the chain module's own packages only.
 */
public final class ContractEventDecoder {

    /** The name stored with logs that no projection reads. */
    public static final String OTHER = "OTHER";

    /** An indexed address topic holding the zero address, as the ABI encodes it. */
    private static final String ZERO_ADDRESS_TOPIC = "0x" + TypeEncoder.encode(Address.DEFAULT);

    private record Decoder(String name, BiFunction<Log, ContractEvent.Position, ContractEvent> decode) {}

    private final String ticketNft;
    private final String paymentProcessor;
    private final Map<String, Decoder> ticketNftEvents = new HashMap<>();
    private final Map<String, Decoder> processorEvents = new HashMap<>();
    private final Decoder transfer;

    public ContractEventDecoder(String ticketNft, String paymentProcessor) {
        this.ticketNft = ticketNft.toLowerCase(Locale.ROOT);
        this.paymentProcessor = paymentProcessor.toLowerCase(Locale.ROOT);
        add(ticketNftEvents, EventTicketNFT.TRANSFER_EVENT, (log, at) -> {
            var e = EventTicketNFT.getTransferEventFromLog(log);
            return new ContractEvent.Transfer(at, lower(e.from), lower(e.to), e.tokenId);
        });
        transfer = ticketNftEvents.get(
                EventEncoder.encode(EventTicketNFT.TRANSFER_EVENT).toLowerCase(Locale.ROOT));
        add(ticketNftEvents, EventTicketNFT.EVENTREGISTERED_EVENT, (log, at) -> {
            var e = EventTicketNFT.getEventRegisteredEventFromLog(log);
            return new ContractEvent.EventRegistered(
                    at,
                    e.eventId,
                    lower(e.organizer),
                    e.price,
                    e.capacity.longValueExact(),
                    time(e.saleStart),
                    time(e.saleEnd),
                    time(e.eventEnd),
                    e.transferLocked,
                    lower(e.royaltyReceiver),
                    e.platformFeeBps.intValueExact());
        });
        add(ticketNftEvents, EventTicketNFT.EVENTUPDATED_EVENT, (log, at) -> {
            var e = EventTicketNFT.getEventUpdatedEventFromLog(log);
            return new ContractEvent.EventUpdated(
                    at,
                    e.eventId,
                    e.price,
                    e.capacity.longValueExact(),
                    time(e.saleStart),
                    time(e.saleEnd),
                    lower(e.by));
        });
        add(processorEvents, PaymentProcessor.TICKETSPURCHASED_EVENT, (log, at) -> {
            var e = PaymentProcessor.getTicketsPurchasedEventFromLog(log);
            return new ContractEvent.TicketsPurchased(
                    at, e.paymentId, e.eventId, lower(e.buyer), e.quantity.intValueExact(), e.amount, e.firstTokenId);
        });
        add(processorEvents, PaymentProcessor.EVENTCANCELLED_EVENT, (log, at) -> {
            var e = PaymentProcessor.getEventCancelledEventFromLog(log);
            return new ContractEvent.EventCancelled(at, e.eventId, lower(e.by));
        });
        add(processorEvents, PaymentProcessor.TICKETREFUNDED_EVENT, (log, at) -> {
            var e = PaymentProcessor.getTicketRefundedEventFromLog(log);
            return new ContractEvent.TicketRefunded(at, e.tokenId, e.eventId, lower(e.holder), e.amount);
        });
        add(processorEvents, PaymentProcessor.EVENTSETTLED_EVENT, (log, at) -> {
            var e = PaymentProcessor.getEventSettledEventFromLog(log);
            return new ContractEvent.EventSettled(at, e.eventId, e.gross, e.organizerShare, e.platformFee);
        });
        add(processorEvents, PaymentProcessor.ORGANIZERWITHDRAWN_EVENT, (log, at) -> {
            var e = PaymentProcessor.getOrganizerWithdrawnEventFromLog(log);
            return new ContractEvent.OrganizerWithdrawn(at, e.eventId, lower(e.organizer), e.amount);
        });
        add(processorEvents, PaymentProcessor.ROYALTYRECEIVED_EVENT, (log, at) -> {
            var e = PaymentProcessor.getRoyaltyReceivedEventFromLog(log);
            return new ContractEvent.RoyaltyReceived(
                    at, e.eventId, lower(e.from), e.amount, e.organizerShare, e.platformShare);
        });
        add(processorEvents, PaymentProcessor.ROYALTYWITHDRAWN_EVENT, (log, at) -> {
            var e = PaymentProcessor.getRoyaltyWithdrawnEventFromLog(log);
            return new ContractEvent.RoyaltyWithdrawn(at, e.eventId, lower(e.organizer), e.amount);
        });
        add(processorEvents, PaymentProcessor.PLATFORMFEESWITHDRAWN_EVENT, (log, at) -> {
            var e = PaymentProcessor.getPlatformFeesWithdrawnEventFromLog(log);
            return new ContractEvent.PlatformFeesWithdrawn(at, lower(e.treasury), e.amount);
        });
    }

    private static void add(
            Map<String, Decoder> events, Event event, BiFunction<Log, ContractEvent.Position, ContractEvent> decode) {
        events.put(EventEncoder.encode(event).toLowerCase(Locale.ROOT), new Decoder(event.getName(), decode));
    }

    /** The contract event's name of a log ({@link #OTHER} when no projection reads it). */
    public String kind(String contract, List<String> topics) {
        Decoder decoder = decoder(contract, topics);
        return decoder == null ? OTHER : decoder.name();
    }

    /** The decoded event of a stored log; empty for logs no projection reads. */
    public Optional<ContractEvent> decode(ChainLog stored) {
        return decode(stored, null);
    }

    /** The decoded event of a log of a block with timestamp {@code blockTime} (null when unknown). */
    public Optional<ContractEvent> decode(ChainLog stored, java.time.Instant blockTime) {
        Decoder decoder = decoder(stored.contract(), stored.topics());
        if (decoder == null) {
            return Optional.empty();
        }
        Log log = new Log();
        log.setTopics(stored.topics());
        log.setData(stored.data());
        return Optional.of(decoder.decode().apply(log, stored.position(blockTime)));
    }

    /** The decoded event of a log in a receipt; empty for other contracts' logs and logs no projection reads. */
    public Optional<ContractEvent> decode(Log log) {
        Decoder decoder = decoder(log.getAddress(), log.getTopics());
        if (decoder == null) {
            return Optional.empty();
        }
        var at = new ContractEvent.Position(
                log.getBlockNumber().longValueExact(),
                lower(log.getBlockHash()),
                log.getLogIndex().intValueExact(),
                lower(log.getTransactionHash()));
        return Optional.of(decoder.decode().apply(log, at));
    }

    private Decoder decoder(String contract, List<String> topics) {
        if (contract == null || topics == null || topics.isEmpty()) {
            return null;
        }
        String address = contract.toLowerCase(Locale.ROOT);
        Map<String, Decoder> events =
                address.equals(ticketNft) ? ticketNftEvents : address.equals(paymentProcessor) ? processorEvents : null;
        Decoder decoder = events == null ? null : events.get(topics.get(0).toLowerCase(Locale.ROOT));
        if (decoder == transfer && (mintOrBurn(topics))) {
            return null;
        }
        return decoder;
    }

    private static boolean mintOrBurn(List<String> topics) {
        return topics.size() > 2
                && (ZERO_ADDRESS_TOPIC.equalsIgnoreCase(topics.get(1))
                        || ZERO_ADDRESS_TOPIC.equalsIgnoreCase(topics.get(2)));
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static Instant time(BigInteger seconds) {
        return Instant.ofEpochSecond(seconds.longValueExact());
    }
}
