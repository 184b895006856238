package io.echain.support;

import io.echain.chain.ChainProperties;
import io.echain.chain.contracts.EventTicketNFT;
import io.echain.chain.contracts.PaymentProcessor;
import io.echain.dev.DevKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

/**
 * Drives the test JVM's local Anvil the way wallets do: mine blocks, snapshots and reverts, time travel, automine,
 * and real transactions signed with Anvil's development keys (purchases, refunds, withdrawals, transfers, direct event
 * registrations). Transactions carry a fixed gas limit, so a reverting one is still mined. Build it from the
 * context's {@link ChainProperties}: {@code new AnvilRpc(chainProperties)}.
 *
 * <p>Keys: 0 is the backend's operator (do not send with it while the outbox worker runs, or the worker must
 * repair its nonce), 9 deploys and owns the contracts (it may register events directly), 1 to 8 are buyers.
 */
public final class AnvilRpc implements AutoCloseable {

    /** Anvil's development keys 0..9 ({@link DevKeys}, derived from its mnemonic), 0x-prefixed hex. */
    public static final List<String> KEYS = java.util.stream.IntStream.range(0, DevKeys.COUNT)
            .mapToObj(DevKeys::privateKey)
            .toList();

    public static final int OPERATOR = DevKeys.OPERATOR;
    public static final int OWNER = DevKeys.OWNER;

    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(3_000_000);
    private static final BigInteger MAX_PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger MAX_FEE = BigInteger.valueOf(200_000_000_000L);

    private final Web3j web3j;
    private final HttpService http;
    private final ChainProperties properties;

    public AnvilRpc(ChainProperties properties) {
        this.properties = properties;
        this.http = new HttpService(properties.rpcUrl().toString());
        this.web3j = Web3j.build(http);
    }

    public Web3j web3j() {
        return web3j;
    }

    public ChainProperties properties() {
        return properties;
    }

    /** Anvil development key {@code index} (0..9) as web3j credentials. */
    public static Credentials key(int index) {
        return DevKeys.credentials(index);
    }

    // ---- blocks, time, snapshots -----------------------------------------------------------------------------

    public long blockNumber() {
        return call(web3j.ethBlockNumber()).getBlockNumber().longValueExact();
    }

    /** Mines {@code blocks} empty blocks (pending transactions go into the first). */
    public void mine(int blocks) {
        raw("anvil_mine", List.of(Numeric.toHexStringWithPrefix(BigInteger.valueOf(blocks))));
    }

    /** Snapshots the chain; {@link #revert(String)} returns to it (once: take a new snapshot afterwards). */
    public String snapshot() {
        return String.valueOf(raw("evm_snapshot", List.of()).getResult());
    }

    public boolean revert(String snapshotId) {
        return Boolean.TRUE.equals(raw("evm_revert", List.of(snapshotId)).getResult());
    }

    /** Moves the clock of the next blocks forward. */
    public void increaseTime(Duration by) {
        raw("evm_increaseTime", List.of(by.toSeconds()));
    }

    public void setNextBlockTimestamp(Instant at) {
        raw("evm_setNextBlockTimestamp", List.of(at.getEpochSecond()));
    }

    /**
     * Moves the chain's clock up to the wall clock if it lags (after {@link #revert(String)} it does): the outbox
     * registers sale windows from wall-clock times.
     */
    public void catchUpWithWallClock() {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 1);
        if (latestBlockTime().isBefore(now)) {
            setNextBlockTimestamp(now);
            mine(1);
        }
    }

    /** Timestamp of the latest block. */
    public Instant latestBlockTime() {
        return Instant.ofEpochSecond(call(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
                .getBlock()
                .getTimestamp()
                .longValueExact());
    }

    /** Off: transactions wait in the mempool until {@link #mine(int)}. Tests that turn it off turn it on again. */
    public void automine(boolean enabled) {
        raw("evm_setAutomine", List.of(enabled));
    }

    // ---- transactions -----------------------------------------------------------------------------------------

    /** Sends {@code purchaseTickets(eventId, quantity)} with exactly price × quantity; returns the tx hash. */
    public String purchase(Credentials buyer, long eventId, int quantity) {
        BigInteger price = eventTerms(eventId).price();
        return purchase(buyer, eventId, quantity, price.multiply(BigInteger.valueOf(quantity)));
    }

    /** Sends {@code purchaseTickets(eventId, quantity)} with any {@code value} (wrong amounts revert on chain). */
    public String purchase(Credentials buyer, long eventId, int quantity, BigInteger value) {
        return send(buyer, properties.paymentProcessor(), value, purchaseData(eventId, quantity));
    }

    /** The calldata of {@code purchaseTickets(eventId, quantity)}, encoded by the generated wrapper. */
    public String purchaseData(long eventId, int quantity) {
        return paymentProcessor()
                .purchaseTickets(BigInteger.valueOf(eventId), BigInteger.valueOf(quantity), BigInteger.ZERO)
                .encodeFunctionCall();
    }

    /** Sends {@code payRoyalty(eventId)} with {@code value} (what a marketplace's royalty payment does). */
    public String payRoyalty(Credentials payer, long eventId, BigInteger value) {
        return send(
                payer,
                properties.paymentProcessor(),
                value,
                paymentProcessor()
                        .payRoyalty(BigInteger.valueOf(eventId), value)
                        .encodeFunctionCall());
    }

    /** Sends {@code withdrawRoyalty(eventId)} from the organizer. */
    public String withdrawRoyalty(Credentials organizer, long eventId) {
        return send(
                organizer,
                properties.paymentProcessor(),
                BigInteger.ZERO,
                paymentProcessor().withdrawRoyalty(BigInteger.valueOf(eventId)).encodeFunctionCall());
    }

    /** Sends {@code withdrawPlatformFees()} from the treasury (the owner key). */
    public String withdrawPlatformFees() {
        return send(
                key(OWNER),
                properties.paymentProcessor(),
                BigInteger.ZERO,
                paymentProcessor().withdrawPlatformFees().encodeFunctionCall());
    }

    /** {@code platformTotals()}: platform fees and royalty halves credited, and withdrawn. */
    public List<BigInteger> platformTotals() {
        try {
            var totals = paymentProcessor().platformTotals().send();
            return List.of(totals.component1(), totals.component2());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code platformBalance()}: credited to the platform and not withdrawn. */
    public BigInteger platformBalance() {
        try {
            return paymentProcessor().platformBalance().send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code claimRefunds(tokenIds)} (the holder's tickets of a cancelled event); returns the tx hash. */
    public String claimRefunds(Credentials holder, List<BigInteger> tokenIds) {
        return send(
                holder,
                properties.paymentProcessor(),
                BigInteger.ZERO,
                paymentProcessor(holder).claimRefunds(tokenIds).encodeFunctionCall());
    }

    /** Sends {@code cancelEvent(eventId)} from {@code caller} (the organizer may cancel on chain itself). */
    public String cancelEvent(Credentials caller, long eventId) {
        return send(
                caller,
                properties.paymentProcessor(),
                BigInteger.ZERO,
                paymentProcessor(caller)
                        .cancelEvent(BigInteger.valueOf(eventId))
                        .encodeFunctionCall());
    }

    /** Sends {@code withdrawRevenue(eventId)} from the organizer; returns the tx hash. */
    public String withdrawRevenue(Credentials organizer, long eventId) {
        return send(
                organizer,
                properties.paymentProcessor(),
                BigInteger.ZERO,
                paymentProcessor(organizer)
                        .withdrawRevenue(BigInteger.valueOf(eventId))
                        .encodeFunctionCall());
    }

    /** Sends {@code transferFrom(from, to, tokenId)} of a ticket; returns the tx hash. */
    public String transfer(Credentials from, String to, BigInteger tokenId) {
        return send(
                from,
                properties.ticketNft(),
                BigInteger.ZERO,
                ticketNft(from)
                        .transferFrom(from.getAddress(), to, tokenId, BigInteger.ZERO)
                        .encodeFunctionCall());
    }

    /** Registers an event on chain directly with the owner key (bypassing the backend); waits for the receipt. */
    public TransactionReceipt registerEvent(
            long eventId,
            String organizer,
            BigInteger price,
            int capacity,
            Instant saleStart,
            Instant saleEnd,
            Instant eventEnd) {
        String data = ticketNft(key(OWNER))
                .registerEvent(
                        BigInteger.valueOf(eventId),
                        organizer,
                        price,
                        BigInteger.valueOf(capacity),
                        BigInteger.valueOf(saleStart.getEpochSecond()),
                        BigInteger.valueOf(saleEnd.getEpochSecond()),
                        BigInteger.valueOf(eventEnd.getEpochSecond()),
                        false)
                .encodeFunctionCall();
        return awaitReceipt(send(key(OWNER), properties.ticketNft(), BigInteger.ZERO, data), Duration.ofSeconds(10))
                .orElseThrow(() -> new IllegalStateException("registerEvent not mined (automine off?)"));
    }

    /** Signs and sends an EIP-1559 transaction from {@code from}; returns its hash without waiting. */
    public String send(Credentials from, String to, BigInteger value, String data) {
        return sendRaw(sign(from, to, value, data).raw());
    }

    /** A signed transaction that was not sent: its hash is known before any node has seen it. */
    public record Signed(String hash, String raw) {}

    /** Signs an EIP-1559 transaction with the sender's next nonce, without sending it. */
    public Signed sign(Credentials from, String to, BigInteger value, String data) {
        BigInteger nonce = call(web3j.ethGetTransactionCount(from.getAddress(), DefaultBlockParameterName.PENDING))
                .getTransactionCount();
        RawTransaction tx = RawTransaction.createTransaction(
                properties.chainId(), nonce, GAS_LIMIT, to, value, data, MAX_PRIORITY_FEE, MAX_FEE);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, properties.chainId(), from));
        return new Signed(org.web3j.crypto.Hash.sha3(signed), signed);
    }

    public String sendRaw(String signed) {
        return call(web3j.ethSendRawTransaction(signed)).getTransactionHash();
    }

    public Optional<TransactionReceipt> receipt(String txHash) {
        return call(web3j.ethGetTransactionReceipt(txHash)).getTransactionReceipt();
    }

    /** Waits (up to five seconds) until the transaction is mined and returns its receipt. */
    public TransactionReceipt mined(String txHash) {
        return awaitReceipt(txHash, Duration.ofSeconds(5))
                .orElseThrow(() -> new IllegalStateException("not mined: " + txHash));
    }

    public Optional<TransactionReceipt> awaitReceipt(String txHash, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Optional<TransactionReceipt> receipt = receipt(txHash);
            if (receipt.isPresent()) {
                return receipt;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    /** Read-only EventTicketNFT wrapper (or, with a key, one that signs; it waits for receipts). */
    public EventTicketNFT ticketNft(Credentials credentials) {
        return EventTicketNFT.load(
                properties.ticketNft(), web3j, credentials, new StaticGasProvider(MAX_FEE, GAS_LIMIT));
    }

    public EventTicketNFT ticketNft() {
        return EventTicketNFT.load(
                properties.ticketNft(),
                web3j,
                new ReadonlyTransactionManager(web3j, null),
                new StaticGasProvider(MAX_FEE, GAS_LIMIT));
    }

    public PaymentProcessor paymentProcessor() {
        return PaymentProcessor.load(
                properties.paymentProcessor(),
                web3j,
                new ReadonlyTransactionManager(web3j, null),
                new StaticGasProvider(MAX_FEE, GAS_LIMIT));
    }

    public PaymentProcessor paymentProcessor(Credentials credentials) {
        return PaymentProcessor.load(
                properties.paymentProcessor(), web3j, credentials, new StaticGasProvider(MAX_FEE, GAS_LIMIT));
    }

    /** {@code getEvent(eventId)} of EventTicketNFT. */
    public EventTicketNFT.EventView event(long eventId) {
        try {
            return ticketNft().getEvent(BigInteger.valueOf(eventId)).send();
        } catch (Exception e) {
            throw new IllegalStateException("getEvent(" + eventId + ") failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code eventId} is registered on chain. */
    public boolean isRegistered(long eventId) {
        try {
            return !ticketNft()
                    .organizerOf(BigInteger.valueOf(eventId))
                    .send()
                    .component1()
                    .equals("0x0000000000000000000000000000000000000000");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code eventId} is registered and cancelled on chain. */
    public boolean isCancelled(long eventId) {
        return isRegistered(eventId) && event(eventId).cancelled;
    }

    /** Unit price and per-purchase limit. */
    public record Terms(BigInteger price, BigInteger maxPerPurchase) {}

    public Terms eventTerms(long eventId) {
        try {
            var terms = ticketNft().saleTerms(BigInteger.valueOf(eventId)).send();
            return new Terms(terms.component1(), terms.component2());
        } catch (Exception e) {
            throw new IllegalStateException("saleTerms(" + eventId + ") failed: " + e.getMessage(), e);
        }
    }

    public BigInteger balance(String address) {
        return call(web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST))
                .getBalance();
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    /** Any JSON-RPC method (anvil_*, evm_*, eth_*); throws on an error response. */
    public Response<?> raw(String method, List<?> params) {
        return call(new Request<>(method, params, http, RawResponse.class));
    }

    public static final class RawResponse extends Response<Object> {}

    private static <T extends Response<?>> T call(Request<?, T> request) {
        try {
            T response = request.send();
            if (response.hasError()) {
                throw new IllegalStateException(
                        request.getMethod() + " failed: " + response.getError().getMessage()
                                + (response.getError().getData() == null
                                        ? ""
                                        : " " + response.getError().getData()));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
