package io.echain.chain.internal;

import io.echain.chain.ContractErrors;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;

/** The backend's operator key: estimates, signs (EIP-1559) and broadcasts its transactions. */
class OperatorAccount {

    /** A signed transaction: hash and raw bytes as hex. */
    record Signed(String hash, String raw) {}

    /** The node answered with an error: a decoded revert (if it was one) and the message. */
    static class Rejected extends Exception {
        private final transient Optional<ContractErrors.Revert> revert;

        Rejected(Response.Error error) {
            super(error.getMessage() + (error.getData() == null ? "" : " " + error.getData()), null, false, false);
            this.revert = ContractErrors.decode(error);
        }

        Optional<ContractErrors.Revert> revert() {
            return revert;
        }

        boolean nonceTooLow() {
            String message = getMessage().toLowerCase(java.util.Locale.ROOT);
            return message.contains("nonce too low")
                    || message.contains("nonce has already been used")
                    || message.contains("replacement transaction underpriced");
        }

        boolean alreadyKnown() {
            String message = getMessage().toLowerCase(java.util.Locale.ROOT);
            return message.contains("already known")
                    || message.contains("already imported")
                    || message.contains("transaction already exists");
        }
    }

    private static final BigInteger FALLBACK_PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);

    private final Web3j web3j;
    private final Credentials credentials;
    private final long chainId;

    OperatorAccount(Web3j web3j, Credentials credentials, long chainId) {
        this.web3j = web3j;
        this.credentials = credentials;
        this.chainId = chainId;
    }

    String address() {
        return credentials.getAddress();
    }

    /** Gas for the call plus a quarter as margin; {@link Rejected} with the decoded revert if it would revert. */
    BigInteger estimateGas(String to, String data) throws IOException, Rejected {
        EthEstimateGas estimate = web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(
                        address(), null, null, null, to, BigInteger.ZERO, data))
                .send();
        if (estimate.hasError()) {
            throw new Rejected(estimate.getError());
        }
        BigInteger gas = estimate.getAmountUsed();
        return gas.add(gas.shiftRight(2));
    }

    Signed sign(long nonce, String to, String data, BigInteger gasLimit) throws IOException {
        BigInteger priorityFee = priorityFee();
        BigInteger baseFee = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
                .send()
                .getBlock()
                .getBaseFeePerGas();
        BigInteger maxFee = baseFee.shiftLeft(1).add(priorityFee);
        RawTransaction tx = RawTransaction.createTransaction(
                chainId, BigInteger.valueOf(nonce), gasLimit, to, BigInteger.ZERO, data, priorityFee, maxFee);
        String raw = Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, credentials));
        return new Signed(Hash.sha3(raw), raw);
    }

    /** Hands the transaction to the node; an "already known" answer counts as success. */
    void broadcast(String raw) throws IOException, Rejected {
        EthSendTransaction sent = web3j.ethSendRawTransaction(raw).send();
        if (sent.hasError()) {
            Rejected rejected = new Rejected(sent.getError());
            if (!rejected.alreadyKnown()) {
                throw rejected;
            }
        }
    }

    /** Why a mined transaction reverted: the call replayed on the state before its block. */
    Optional<ContractErrors.Revert> revertReason(String to, String data, long blockNumber) {
        try {
            var result = web3j.ethCall(
                            Transaction.createEthCallTransaction(address(), to, data),
                            DefaultBlockParameter.valueOf(BigInteger.valueOf(Math.max(0, blockNumber - 1))))
                    .send();
            if (result.hasError()) {
                return ContractErrors.decode(result.getError());
            }
            return ContractErrors.decode(result.getRevertReason() == null ? null : result.getValue());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private BigInteger priorityFee() {
        try {
            var fee = web3j.ethMaxPriorityFeePerGas().send();
            return fee.hasError() || fee.getMaxPriorityFeePerGas() == null
                    ? FALLBACK_PRIORITY_FEE
                    : fee.getMaxPriorityFeePerGas().max(BigInteger.ONE);
        } catch (IOException | RuntimeException e) {
            return FALLBACK_PRIORITY_FEE;
        }
    }
}
