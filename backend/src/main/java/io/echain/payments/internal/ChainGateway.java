package io.echain.payments.internal;

import io.echain.chain.ChainProperties;
import io.echain.chain.ChainUnavailable;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The JSON-RPC reads the payments module makes (never a write: buyers send their own transactions). */
@Component
class ChainGateway {

    /** Selector of {@code purchaseTickets(uint256,uint256)}. */
    static final String PURCHASE_SELECTOR = org.web3j.crypto.Hash.sha3String("purchaseTickets(uint256,uint256)")
            .substring(0, 10);

    /** A transaction as far as tracking cares. */
    record Tx(String to, String input) {
    }

    /** {@code EventTicketNFT.getEvent}: the on-chain sale state of an event. */
    record OnChainEvent(String organizer, BigInteger price, long capacity, long sold, long saleStart, long saleEnd,
            long eventEnd, boolean cancelled) {
    }

    /** The outcome of {@code eth_estimateGas}: gas, or the revert data / message. */
    record Estimate(BigInteger gas, String revertData, String message) {
    }

    private final Web3j web3j;
    private final ChainProperties properties;

    ChainGateway(Web3j web3j, ChainProperties properties) {
        this.web3j = web3j;
        this.properties = properties;
    }

    String paymentProcessor() {
        return properties.paymentProcessor().toLowerCase(Locale.ROOT);
    }

    String ticketNft() {
        return properties.ticketNft().toLowerCase(Locale.ROOT);
    }

    Optional<Tx> transaction(String hash) {
        var response = send(() -> web3j.ethGetTransactionByHash(hash).send());
        return response.getTransaction().map(t -> new Tx(t.getTo() == null ? null : t.getTo().toLowerCase(Locale.ROOT),
                t.getInput() == null ? "0x" : t.getInput().toLowerCase(Locale.ROOT)));
    }

    Optional<TransactionReceipt> receipt(String hash) {
        return send(() -> web3j.ethGetTransactionReceipt(hash).send()).getTransactionReceipt();
    }

    /** The event's sale state on chain, or empty if it is not registered. */
    Optional<OnChainEvent> event(BigInteger chainEventId) {
        String data = call(ticketNft(), "getEvent", chainEventId);
        if (data == null) {
            return Optional.empty();
        }
        String hex = data.substring(2);
        if (hex.length() < 64 * 10) {
            return Optional.empty();
        }
        return Optional.of(new OnChainEvent("0x" + hex.substring(24, 64), word(hex, 1), word(hex, 2).longValueExact(),
                word(hex, 3).longValueExact(), word(hex, 4).longValueExact(), word(hex, 5).longValueExact(),
                word(hex, 6).longValueExact(), word(hex, 8).signum() != 0));
    }

    boolean salesPaused() {
        String data = call(ticketNft(), "paused", null);
        return data != null && new BigInteger(data.substring(2), 16).signum() != 0;
    }

    long maxTicketsPerPurchase() {
        String data = call(ticketNft(), "maxTicketsPerPurchase", null);
        return data == null ? 10 : new BigInteger(data.substring(2), 16).longValueExact();
    }

    long latestBlockTime() {
        return send(() -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()).getBlock()
                .getTimestamp().longValueExact();
    }

    BigInteger gasPrice() {
        return send(() -> web3j.ethGasPrice().send()).getGasPrice();
    }

    Estimate estimatePurchase(String from, BigInteger chainEventId, long quantity, BigInteger value) {
        String data = FunctionEncoder.encode(new Function("purchaseTickets",
                List.of(new Uint256(chainEventId), new Uint256(quantity)), List.of()));
        EthEstimateGas estimate = send(() -> web3j.ethEstimateGas(
                Transaction.createFunctionCallTransaction(from, null, null, null, paymentProcessor(), value, data)).send(),
                false);
        if (estimate.hasError()) {
            Object revert = estimate.getError().getData();
            return new Estimate(null, revert == null ? null : revert.toString(), estimate.getError().getMessage());
        }
        return new Estimate(estimate.getAmountUsed(), null, null);
    }

    /** eth_call of a view taking at most one uint256; null if it reverted. */
    private String call(String contract, String name, BigInteger arg) {
        String data = FunctionEncoder.encode(new Function(name, arg == null ? List.of() : List.of(new Uint256(arg)),
                List.of()));
        EthCall result = send(() -> web3j.ethCall(Transaction.createEthCallTransaction(null, contract, data),
                DefaultBlockParameterName.LATEST).send(), false);
        if (result.hasError() || result.isReverted() || result.getValue() == null || result.getValue().length() <= 2) {
            return null;
        }
        return result.getValue();
    }

    private static BigInteger word(String hex, int i) {
        return new BigInteger(hex.substring(64 * i, 64 * (i + 1)), 16);
    }

    interface RpcCall<T extends Response<?>> {
        T send() throws IOException;
    }

    private static <T extends Response<?>> T send(RpcCall<T> call) {
        return send(call, true);
    }

    private static <T extends Response<?>> T send(RpcCall<T> call, boolean failOnError) {
        String what = "JSON-RPC call failed";
        T response;
        try {
            response = call.send();
        } catch (IOException | RuntimeException e) {
            throw new ChainUnavailable(what);
        }
        if (failOnError && response.hasError()) {
            throw new ChainUnavailable(what);
        }
        return response;
    }
}
