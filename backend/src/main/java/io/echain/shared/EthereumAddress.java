package io.echain.shared;

import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/**
 * Ethereum address rules shared by every module: {@code 0x} plus 40 hex digits; an address written in
 * mixed case must carry a valid EIP-55 checksum. Addresses are stored and compared lower-cased.
 */
public final class EthereumAddress {

    private static final Pattern SHAPE = Pattern.compile("^0x[0-9a-fA-F]{40}$");

    private EthereumAddress() {}

    public static boolean isValid(String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            return false;
        }
        String hex = value.substring(2);
        boolean uniformCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
        return uniformCase || Keys.toChecksumAddress(value).equals(value);
    }

    /** The canonical (lower-case) form; throws {@link InvalidRequest} for {@code field} when invalid. */
    public static String normalize(String value, String field) {
        if (!isValid(value)) {
            throw new InvalidRequest(
                    java.util.Map.of(field, "must be a 0x-prefixed 20-byte address with a valid EIP-55 checksum"));
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
