package io.echain.dev;

import java.util.List;
import java.util.stream.IntStream;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.utils.Numeric;

/**
 * The accounts of the local Anvil (dev and tests): derived, as Anvil derives them, from its well-known development
 * mnemonic along {@code m/44'/60'/0'/0/i}, so the starter and the tests share one definition instead of two lists of
 * keys. Never use them anywhere else: everyone knows them.
 *
 * <p>Key {@value #OPERATOR} is the backend's operator (and the dev admin); key {@value #OWNER} deploys and owns the
 * contracts and receives the platform fees; keys 1 to 8 are free for buyers.
 */
public final class DevKeys {

    /** Anvil's default mnemonic. */
    public static final String MNEMONIC = "test test test test test test test test test test test junk";

    public static final int COUNT = 10;
    public static final int OPERATOR = 0;
    public static final int OWNER = 9;

    private static final List<Credentials> ACCOUNTS = derive();

    private DevKeys() {}

    /** Account {@code index} (0 to 9) as web3j credentials. */
    public static Credentials credentials(int index) {
        return ACCOUNTS.get(index);
    }

    /** The private key of account {@code index}, 0x-prefixed 32-byte hex. */
    public static String privateKey(int index) {
        return Numeric.toHexStringWithPrefixZeroPadded(
                credentials(index).getEcKeyPair().getPrivateKey(), 64);
    }

    /** The address of account {@code index}, lower case. */
    public static String address(int index) {
        return credentials(index).getAddress();
    }

    private static List<Credentials> derive() {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
        return IntStream.range(0, COUNT)
                .mapToObj(i -> Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, new int[] {
                    44 | Bip32ECKeyPair.HARDENED_BIT,
                    60 | Bip32ECKeyPair.HARDENED_BIT,
                    Bip32ECKeyPair.HARDENED_BIT,
                    0,
                    i
                })))
                .toList();
    }
}
