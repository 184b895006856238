package io.echain.payments.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;

/**
 * Drives the local Anvil chain the way wallets do: real transactions signed with Anvil's development
 * keys (fixed gas, so a reverting purchase is still mined), plus Anvil's mining and snapshot methods.
 */
public final class ChainDriver {

    /** Anvil's well-known development keys (test mnemonic), index 0 is the deployer and operator. */
    public static final List<String> KEYS = List.of(
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
            "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
            "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
            "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
            "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
            "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
            "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
            "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
            "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6");

    /** Deploys and owns the contracts; key 0 is the backend's operator, which tests leave to the outbox. */
    public static final int OWNER = 9;

    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(1_500_000);
    private static final BigInteger GAS_PRICE = BigInteger.valueOf(5_000_000_000L);

    private final org.web3j.protocol.http.HttpService service;
    private final Web3j web3j;
    private final long chainId;
    private final String ticketNft;
    private final String processor;

    public ChainDriver(String rpcUrl, long chainId, String ticketNft, String processor) {
        this.service = new org.web3j.protocol.http.HttpService(rpcUrl);
        this.web3j = Web3j.build(service);
        this.chainId = chainId;
        this.ticketNft = ticketNft;
        this.processor = processor;
    }

    public static Credentials account(int index) {
        return Credentials.create(KEYS.get(index));
    }

    /** Whether the ticket contract knows the event ({@code getEvent} does not revert). */
    public boolean isRegistered(long eventId) {
        return getEvent(eventId) != null;
    }

    /** Whether the event is registered and cancelled on chain. */
    public boolean isCancelled(long eventId) {
        String data = getEvent(eventId);
        return data != null && new BigInteger(data.substring(2 + 64 * 8, 2 + 64 * 9), 16).signum() != 0;
    }

    private String getEvent(long eventId) {
        try {
            var result = web3j.ethCall(org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(null,
                    ticketNft, FunctionEncoder.encode(new Function("getEvent", List.of(new Uint256(eventId)), List.of()))),
                    DefaultBlockParameterName.LATEST).send();
            return result.hasError() || result.isReverted() || result.getValue() == null || result.getValue().length() < 2 + 64 * 10
                    ? null : result.getValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String purchase(Credentials buyer, long eventId, int quantity, BigInteger value) {
        return send(buyer, processor, value, new Function("purchaseTickets",
                List.of(new Uint256(eventId), new Uint256(quantity)), List.of()));
    }

    public String claimRefunds(Credentials holder, List<BigInteger> tokenIds) {
        return send(holder, processor, BigInteger.ZERO, new Function("claimRefunds",
                List.<Type>of(new DynamicArray<>(Uint256.class, tokenIds.stream().map(Uint256::new).toList())), List.of()));
    }

    public String withdrawRevenue(Credentials organizer, long eventId) {
        return send(organizer, processor, BigInteger.ZERO, new Function("withdrawRevenue",
                List.of(new Uint256(eventId)), List.of()));
    }

    public String transfer(Credentials from, String to, BigInteger tokenId) {
        return send(from, ticketNft, BigInteger.ZERO, new Function("transferFrom",
                List.of(new Address(from.getAddress()), new Address(to), new Uint256(tokenId)), List.of()));
    }

    /** Sends a purchase call to the ticket contract instead of the processor: a transaction that is not ours to track. */
    public String sendPlain(Credentials from, String to, BigInteger value) {
        return send(from, to, value, null);
    }

    public String send(Credentials from, String to, BigInteger value, Function function) {
        return sendRaw(from, to, value, function == null ? "0x" : FunctionEncoder.encode(function));
    }

    public String sendRaw(Credentials from, String to, BigInteger value, String data) {
        RawTransactionManager manager = new RawTransactionManager(web3j, from, chainId);
        try {
            EthSendTransaction sent = manager.sendTransaction(GAS_PRICE, GAS_LIMIT, to, data, value);
            if (sent.hasError()) {
                throw new IllegalStateException("send failed: " + sent.getError().getMessage());
            }
            return sent.getTransactionHash();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String ticketNft() {
        return ticketNft;
    }

    public String processor() {
        return processor;
    }

    /** Waits (briefly) until the transaction is mined and returns its receipt. */
    public TransactionReceipt mined(String txHash) {
        for (int i = 0; i < 200; i++) {
            Optional<TransactionReceipt> receipt = receipt(txHash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("not mined: " + txHash);
    }

    public Optional<TransactionReceipt> receipt(String txHash) {
        try {
            return web3j.ethGetTransactionReceipt(txHash).send().getTransactionReceipt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long blockNumber() {
        try {
            return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long latestTimestamp() {
        try {
            return web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp()
                    .longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void mine(int blocks) {
        rpc("anvil_mine", List.of("0x" + Integer.toHexString(blocks)));
    }

    public void setAutomine(boolean on) {
        rpc("evm_setAutomine", List.of(on));
    }

    public void increaseTime(long seconds) {
        rpc("evm_increaseTime", List.of(seconds));
    }

    /**
     * Moves the chain's clock up to the wall clock if it lags (after {@code evm_revert} it does): the outbox registers
     * sale windows from wall-clock times.
     */
    public void catchUpWithWallClock() {
        long now = java.time.Instant.now().getEpochSecond() + 1;
        if (latestTimestamp() < now) {
            rpc("evm_setNextBlockTimestamp", List.of(now));
            mine(1);
        }
    }

    public String snapshot() {
        return String.valueOf(rpc("evm_snapshot", List.of()));
    }

    public void revert(String snapshot) {
        rpc("evm_revert", List.of(snapshot));
    }

    public Object rpc(String method, List<?> params) {
        try {
            Response<?> response = new Request<>(method, params, service, GenericResponse.class).send();
            if (response.hasError()) {
                throw new IllegalStateException(method + ": " + response.getError().getMessage());
            }
            return response.getResult();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class GenericResponse extends Response<Object> {
    }
}
