package io.echain.chain;

import io.echain.chain.contracts.EventTicketNFT;
import io.echain.chain.contracts.PaymentProcessor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.web3j.abi.CustomErrorEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Decodes revert data of the contracts into names and arguments. The selectors come from the custom errors of the
 * generated wrappers, so they always match the ABI of the deployed build; {@code Error(string)} and
 * {@code Panic(uint256)} are decoded too.
 */
public final class ContractErrors {

    /** A decoded revert: {@code EventTicketNFT_ExceedsCapacity(7, 3, 2)} has name, contract and arguments. */
    public record Revert(String name, String contract, List<Object> args) {

        /** The error without its contract prefix: {@code ExceedsCapacity}. */
        public String reason() {
            int underscore = name.indexOf('_');
            return underscore < 0 ? name : name.substring(underscore + 1);
        }

        public BigInteger uint(int index) {
            return (BigInteger) args.get(index);
        }

        @Override
        public String toString() {
            return name + args.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    private static final Map<String, CustomError> ERRORS = new HashMap<>();
    private static final Map<String, String> CONTRACTS = new HashMap<>();

    static {
        register(EventTicketNFT.class, "EventTicketNFT");
        register(PaymentProcessor.class, "PaymentProcessor");
        ERRORS.put("0x08c379a0", new CustomError("Error", List.of(new TypeReference<Utf8String>() {})));
        ERRORS.put("0x4e487b71", new CustomError("Panic", List.of(new TypeReference<Uint256>() {})));
    }

    private ContractErrors() {}

    private static void register(Class<?> wrapper, String contract) {
        for (Field field : wrapper.getFields()) {
            if (field.getType() == CustomError.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    CustomError error = (CustomError) field.get(null);
                    String selector =
                            CustomErrorEncoder.encode(error).substring(0, 10).toLowerCase(Locale.ROOT);
                    ERRORS.putIfAbsent(selector, error);
                    CONTRACTS.putIfAbsent(selector, contract);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Decodes {@code 0x}-prefixed revert data; empty for no data or an unknown selector. */
    public static Optional<Revert> decode(String revertData) {
        if (revertData == null) {
            return Optional.empty();
        }
        String data = revertData.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (!data.startsWith("0x") || data.length() < 10) {
            return Optional.empty();
        }
        CustomError error = ERRORS.get(data.substring(0, 10));
        if (error == null) {
            return Optional.empty();
        }
        List<Type> values = FunctionReturnDecoder.decode("0x" + data.substring(10), error.getParameters());
        return Optional.of(new Revert(
                error.getName(),
                CONTRACTS.getOrDefault(data.substring(0, 10), ""),
                values.stream().map(value -> (Object) value.getValue()).toList()));
    }

    /** The revert data in a JSON-RPC error ({@code error.data}, as nodes such as Anvil and Geth return it). */
    public static Optional<Revert> decode(org.web3j.protocol.core.Response.Error error) {
        return error == null ? Optional.empty() : decode(error.getData());
    }
}
