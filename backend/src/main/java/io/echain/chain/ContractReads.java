package io.echain.chain;

import io.echain.chain.contracts.EventTicketNFT;
import io.echain.chain.contracts.PaymentProcessor;
import io.echain.chain.indexer.ContractEvent;
import io.echain.chain.internal.ContractEventDecoder;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthGasPrice;
import org.web3j.protocol.core.methods.response.EthGetBlockReceipts;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

/**
 * Typed reads of the contracts and of transactions for request handling and the payment tracker, on the generated
 * wrappers (calls at the latest block): no caller encodes or decodes ABI. A node that cannot be reached is
 * {@link ChainUnavailable}; the backend never writes through this class (buyers send their own transactions).
 */
public class ContractReads {

    /** {@code EventTicketNFT.getEvent}: the on-chain sale state of an event. */
    public record OnChainEvent(
            String organizer,
            BigInteger price,
            long capacity,
            long sold,
            Instant saleStart,
            Instant saleEnd,
            Instant eventEnd,
            boolean transferLocked,
            boolean cancelled) {

        public long remaining() {
            return Math.max(0, capacity - sold);
        }
    }

    /** A contract call a wallet can send as it is: to, data (ABI-encoded by the wrapper) and value in wei. */
    public record Call(String to, String data, BigInteger value) {}

    /** {@code eth_estimateGas} of a call: the gas, or (gas null) the decoded revert if it would revert. */
    public record Estimate(BigInteger gas, Optional<ContractErrors.Revert> revert) {}

    /**
     * The facts a quote needs besides the event: pause, per-purchase limit, fee per gas, and the latest block's number
     * and timestamp (the contract's "now").
     */
    public record SaleGlobals(
            boolean paused, int maxTicketsPerPurchase, BigInteger gasPrice, long blockNumber, Instant blockTime) {}

    /**
     * A transaction the node knows; addresses lower case, {@code to} null for a deployment, {@code blockNumber} null
     * while it is pending.
     */
    public record SentTransaction(String hash, String from, String to, String input, Long blockNumber) {

        public boolean mined() {
            return blockNumber != null;
        }
    }

    /**
     * A mined transaction: its recipient ({@code to}, lower case, null for a deployment), whether it succeeded and
     * the events of the two contracts it emitted.
     */
    public record Receipt(String txHash, String to, boolean succeeded, long blockNumber, List<ContractEvent> events) {}

    /** The node does not offer a JSON-RPC method (it answered "method not found"). */
    public static final class MethodNotSupported extends RuntimeException {

        MethodNotSupported(String method, String answer) {
            super("The node does not support " + method + " (" + answer + ")");
        }
    }

    /** The sender of {@link #estimateForAnyone}: an address nobody holds a key of, funded only inside the estimate. */
    private static final String ANYONE = "0x00000000000000000000000000000000000e5717";

    private final Web3j web3j;
    private final Web3j background;
    private final Web3jService web3jService;
    private final EventTicketNFT ticketNft;
    private final PaymentProcessor paymentProcessor;
    private final ContractEventDecoder decoder;
    private final String purchaseSelector;

    /**
     * @param web3j the request paths' client (deadline {@code echain.chain.rpc-timeout})
     * @param background the background client (deadline {@code echain.resilience.node.background-timeout}), for
     *        whole blocks' receipts
     */
    public ContractReads(
            Web3j web3j,
            Web3j background,
            Web3jService web3jService,
            ChainProperties properties,
            ContractEventDecoder decoder) {
        this.web3j = web3j;
        this.background = background;
        this.web3jService = web3jService;
        var readOnly = new ReadonlyTransactionManager(web3j, null);
        var noGas = new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);
        this.ticketNft = EventTicketNFT.load(properties.ticketNft(), web3j, readOnly, noGas);
        this.paymentProcessor = PaymentProcessor.load(properties.paymentProcessor(), web3j, readOnly, noGas);
        this.decoder = decoder;
        this.purchaseSelector = paymentProcessor
                .purchaseTickets(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO)
                .encodeFunctionCall()
                .substring(0, 10);
    }

    public String ticketNft() {
        return ticketNft.getContractAddress().toLowerCase(Locale.ROOT);
    }

    public String paymentProcessor() {
        return paymentProcessor.getContractAddress().toLowerCase(Locale.ROOT);
    }

    /** The event's sale state on chain, or empty if it is not registered. */
    public Optional<OnChainEvent> event(BigInteger chainEventId) {
        return read("getEvent", ticketNft.getEvent(chainEventId))
                .map(e -> new OnChainEvent(
                        e.organizer.toLowerCase(Locale.ROOT),
                        e.price,
                        e.capacity.longValueExact(),
                        e.sold.longValueExact(),
                        time(e.saleStart),
                        time(e.saleEnd),
                        time(e.eventEnd),
                        e.transferLocked,
                        e.cancelled));
    }

    public boolean salesPaused() {
        return read("paused", ticketNft.paused()).orElse(false);
    }

    public int maxTicketsPerPurchase() {
        return read("maxTicketsPerPurchase", ticketNft.maxTicketsPerPurchase())
                .map(BigInteger::intValueExact)
                .orElse(10);
    }

    /**
     * {@code paused()}, {@code maxTicketsPerPurchase()}, {@code eth_gasPrice} and the latest block header in one
     * JSON-RPC batch (one HTTP request to the node).
     */
    public SaleGlobals saleGlobals() {
        BatchRequest batch = web3j.newBatch()
                .add(web3j.ethCall(
                        Transaction.createEthCallTransaction(
                                null,
                                ticketNft.getContractAddress(),
                                ticketNft.paused().encodeFunctionCall()),
                        DefaultBlockParameterName.LATEST))
                .add(web3j.ethCall(
                        Transaction.createEthCallTransaction(
                                null,
                                ticketNft.getContractAddress(),
                                ticketNft.maxTicketsPerPurchase().encodeFunctionCall()),
                        DefaultBlockParameterName.LATEST))
                .add(web3j.ethGasPrice())
                .add(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false));
        List<? extends Response<?>> responses;
        try {
            responses = batch.send().getResponses();
        } catch (IOException | RuntimeException e) {
            throw new ChainUnavailable("paused, maxTicketsPerPurchase, eth_gasPrice, eth_getBlockByNumber");
        }
        if (responses.size() != 4 || responses.stream().anyMatch(Response::hasError)) {
            throw new ChainUnavailable("paused, maxTicketsPerPurchase, eth_gasPrice, eth_getBlockByNumber");
        }
        BigInteger paused = Numeric.toBigInt(((EthCall) responses.get(0)).getValue());
        BigInteger max = Numeric.toBigInt(((EthCall) responses.get(1)).getValue());
        EthBlock.Block block = ((EthBlock) responses.get(3)).getBlock();
        return new SaleGlobals(
                paused.signum() != 0,
                max.intValueExact(),
                ((EthGasPrice) responses.get(2)).getGasPrice(),
                block.getNumber().longValueExact(),
                time(block.getTimestamp()));
    }

    /** The ticket's token URI as the contract returns it ({@code baseURI + tokenId}); empty for a burned token. */
    public Optional<String> tokenUri(BigInteger tokenId) {
        return read("tokenURI", ticketNft.tokenURI(tokenId));
    }

    public Instant latestBlockTime() {
        return Instant.ofEpochSecond(rpc(
                        "eth_getBlockByNumber",
                        () -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
                                .send())
                .getBlock()
                .getTimestamp()
                .longValueExact());
    }

    public BigInteger gasPrice() {
        return rpc("eth_gasPrice", () -> web3j.ethGasPrice().send()).getGasPrice();
    }

    /** {@code purchaseTickets(chainEventId, quantity)} on the PaymentProcessor, paying {@code value}. */
    public Call purchase(BigInteger chainEventId, int quantity, BigInteger value) {
        return new Call(
                paymentProcessor(),
                paymentProcessor
                        .purchaseTickets(chainEventId, BigInteger.valueOf(quantity), value)
                        .encodeFunctionCall(),
                value);
    }

    /** Whether the transaction calls {@code purchaseTickets} on the PaymentProcessor. */
    public boolean isPurchase(SentTransaction tx) {
        return paymentProcessor().equals(tx.to())
                && tx.input() != null
                && tx.input().startsWith(purchaseSelector);
    }

    public Estimate estimate(String from, Call call) {
        EthEstimateGas estimate = send(
                "eth_estimateGas",
                () -> web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(
                                from, null, null, null, call.to(), call.value(), call.data()))
                        .send());
        if (estimate.hasError()) {
            return new Estimate(null, ContractErrors.decode(estimate.getError()));
        }
        return new Estimate(estimate.getAmountUsed(), Optional.empty());
    }

    /**
     * {@code eth_estimateGas} of the call from a fresh address whose balance is overridden for the estimate (geth's
     * and Anvil's state override), so it does not depend on anyone's funds: what a first-time buyer pays, the upper
     * end for a purchase.
     */
    public Estimate estimateForAnyone(Call call) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("from", ANYONE);
        tx.put("to", call.to());
        tx.put("value", Numeric.encodeQuantity(call.value()));
        tx.put("data", call.data());
        Map<String, Object> override = Map.of(
                ANYONE, Map.of("balance", Numeric.encodeQuantity(call.value().add(BigInteger.TEN.pow(24)))));
        Request<?, EthEstimateGas> request =
                new Request<>("eth_estimateGas", List.of(tx, "latest", override), web3jService, EthEstimateGas.class);
        EthEstimateGas estimate = send("eth_estimateGas", request::send);
        if (estimate.hasError()) {
            return new Estimate(null, ContractErrors.decode(estimate.getError()));
        }
        return new Estimate(estimate.getAmountUsed(), Optional.empty());
    }

    public Optional<SentTransaction> transaction(String hash) {
        return rpc(
                        "eth_getTransactionByHash",
                        () -> web3j.ethGetTransactionByHash(hash).send())
                .getTransaction()
                .map(t -> new SentTransaction(
                        t.getHash().toLowerCase(Locale.ROOT),
                        lower(t.getFrom()),
                        lower(t.getTo()),
                        t.getInput() == null ? "0x" : t.getInput().toLowerCase(Locale.ROOT),
                        t.getBlockNumberRaw() == null
                                ? null
                                : Numeric.decodeQuantity(t.getBlockNumberRaw()).longValueExact()));
    }

    /** The node's latest block number ({@code eth_blockNumber}). */
    public long headBlock() {
        return rpc("eth_blockNumber", () -> web3j.ethBlockNumber().send())
                .getBlockNumber()
                .longValueExact();
    }

    /**
     * Every receipt of block {@code number} in one call ({@code eth_getBlockReceipts}; geth, op-geth and Anvil have
     * it), in the block's order; empty if the node has no such block. A full Base block's receipts are a large answer,
     * so it goes with the background deadline (a request deadline missed again and again would open the breaker).
     *
     * @throws MethodNotSupported if the node does not offer {@code eth_getBlockReceipts}
     */
    public Optional<List<Receipt>> blockReceipts(long number) {
        EthGetBlockReceipts response = send(
                "eth_getBlockReceipts",
                () -> background
                        .ethGetBlockReceipts(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)))
                        .send());
        if (response.hasError()) {
            if (methodNotFound(response.getError())) {
                throw new MethodNotSupported(
                        "eth_getBlockReceipts", response.getError().getMessage());
            }
            throw new ChainUnavailable("eth_getBlockReceipts");
        }
        return response.getBlockReceipts()
                .map(receipts -> receipts.stream().map(this::receipt).toList());
    }

    /**
     * JSON-RPC's "method not found" (-32601), or the words providers use instead ("the method ... does not
     * exist/is not available", "unsupported method").
     */
    static boolean methodNotFound(Response.Error error) {
        if (error.getCode() == -32601) {
            return true;
        }
        String message = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("unsupported method")
                || message.contains("method not found")
                || (message.contains("method")
                        && (message.contains("does not exist")
                                || message.contains("not available")
                                || message.contains("not supported")));
    }

    /** The receipt with the events of the two contracts it holds; empty while the transaction is not mined. */
    public Optional<Receipt> receipt(String hash) {
        return rpc(
                        "eth_getTransactionReceipt",
                        () -> web3j.ethGetTransactionReceipt(hash).send())
                .getTransactionReceipt()
                .map(this::receipt);
    }

    private Receipt receipt(TransactionReceipt receipt) {
        List<ContractEvent> events = new ArrayList<>();
        for (Log log : receipt.getLogs()) {
            decoder.decode(log).ifPresent(events::add);
        }
        return new Receipt(
                receipt.getTransactionHash().toLowerCase(Locale.ROOT),
                lower(receipt.getTo()),
                receipt.isStatusOK(),
                receipt.getBlockNumber().longValueExact(),
                events);
    }

    /** A view call; empty if it reverted. */
    private static <T> Optional<T> read(String what, RemoteFunctionCall<T> call) {
        try {
            return Optional.ofNullable(call.send());
        } catch (ContractCallException reverted) {
            return Optional.empty();
        } catch (Exception e) {
            throw new ChainUnavailable(what);
        }
    }

    private interface RpcCall<T extends Response<?>> {
        T send() throws IOException;
    }

    /** A JSON-RPC call that must succeed. */
    private static <T extends Response<?>> T rpc(String what, RpcCall<T> call) {
        T response = send(what, call);
        if (response.hasError()) {
            throw new ChainUnavailable(what);
        }
        return response;
    }

    /** A JSON-RPC call whose error answer the caller reads. */
    private static <T extends Response<?>> T send(String what, RpcCall<T> call) {
        try {
            return call.send();
        } catch (IOException | RuntimeException e) {
            throw new ChainUnavailable(what);
        }
    }

    private static Instant time(BigInteger seconds) {
        return Instant.ofEpochSecond(seconds.longValueExact());
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
