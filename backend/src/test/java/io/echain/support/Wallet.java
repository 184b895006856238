package io.echain.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.Locale;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** A test wallet: a real secp256k1 key that signs like a wallet's personal_sign (EIP-191). */
public record Wallet(ECKeyPair keys, String address) {

    /** Anvil's first development account, configured as admin in the test profile. */
    public static final Wallet ADMIN =
            of(io.echain.dev.DevKeys.privateKey(io.echain.dev.DevKeys.OPERATOR).substring(2));

    public static Wallet of(String privateKeyHex) {
        ECKeyPair keys = ECKeyPair.create(new BigInteger(privateKeyHex, 16));
        return new Wallet(keys, Keys.toChecksumAddress(Keys.getAddress(keys)));
    }

    public static Wallet random() {
        try {
            ECKeyPair keys = Keys.createEcKeyPair();
            return new Wallet(keys, Keys.toChecksumAddress(Keys.getAddress(keys)));
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException | NoSuchProviderException e) {
            throw new IllegalStateException(e);
        }
    }

    public String lower() {
        return address.toLowerCase(Locale.ROOT);
    }

    /** 0x-prefixed r || s || v, as wallets return it. */
    public String sign(String message) {
        Sign.SignatureData signature = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), keys);
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        return Numeric.toHexString(bytes);
    }
}
