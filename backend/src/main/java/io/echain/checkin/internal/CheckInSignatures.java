package io.echain.checkin.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/**
 * The two EIP-712 messages of a code (docs/checkin.md) under the domain {@code {name: "Echain Check-in", version:
 * "1", chainId}}: hashed with web3j's {@link StructuredDataEncoder}, signers recovered with {@link Sign}. A pass
 * verified once is remembered (every code of one holder's day repeats it), so a scan usually recovers one key.
 */
final class CheckInSignatures {

    static final String DOMAIN_NAME = "Echain Check-in";
    static final String DOMAIN_VERSION = "1";

    /** secp256k1's group order over two: a signature with a larger s is the malleable twin (EIP-2). */
    private static final BigInteger HALF_N = Sign.CURVE_PARAMS.getN().shiftRight(1);

    private static final String DOMAIN_TYPE =
            "\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"version\",\"type\":\"string\"},"
                    + "{\"name\":\"chainId\",\"type\":\"uint256\"}]";
    private static final String PASS_TYPE = "\"CheckInPass\":[{\"name\":\"holder\",\"type\":\"address\"},"
            + "{\"name\":\"eventId\",\"type\":\"uint256\"},{\"name\":\"delegate\",\"type\":\"address\"},"
            + "{\"name\":\"notBefore\",\"type\":\"uint64\"},{\"name\":\"notAfter\",\"type\":\"uint64\"}]";
    private static final String CODE_TYPE = "\"CheckInCode\":[{\"name\":\"tokenId\",\"type\":\"uint256\"},"
            + "{\"name\":\"eventId\",\"type\":\"uint256\"},{\"name\":\"issuedAt\",\"type\":\"uint64\"}]";

    private final long chainId;
    private final Cache<String, Boolean> verifiedPasses = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    CheckInSignatures(long chainId) {
        this.chainId = chainId;
    }

    /** The pass signature recovers the code's holder and the code signature its delegate. */
    boolean valid(CheckInCode code) {
        if (!signedBy(codeHash(code), code.codeSignature(), code.delegate())) {
            return false;
        }
        Boolean pass = verifiedPasses.getIfPresent(code.passKey());
        if (pass == null) {
            pass = signedBy(passHash(code), code.passSignature(), code.holder());
            verifiedPasses.put(code.passKey(), pass);
        }
        return pass;
    }

    /** The EIP-712 JSON of the holder's pass ({@code eth_signTypedData_v4}). */
    String passJson(CheckInCode code) {
        return json(
                PASS_TYPE,
                "CheckInPass",
                "{\"holder\":\"" + code.holder() + "\",\"eventId\":\"" + Long.toUnsignedString(code.eventId())
                        + "\",\"delegate\":\"" + code.delegate() + "\",\"notBefore\":\""
                        + Long.toUnsignedString(code.notBefore()) + "\",\"notAfter\":\""
                        + Long.toUnsignedString(code.notAfter()) + "\"}");
    }

    /** The EIP-712 JSON of one code, signed by the delegate key. */
    String codeJson(CheckInCode code) {
        return json(
                CODE_TYPE,
                "CheckInCode",
                "{\"tokenId\":\"" + code.tokenId() + "\",\"eventId\":\"" + Long.toUnsignedString(code.eventId())
                        + "\",\"issuedAt\":\"" + Long.toUnsignedString(code.issuedAt()) + "\"}");
    }

    byte[] passHash(CheckInCode code) {
        return hash(passJson(code));
    }

    byte[] codeHash(CheckInCode code) {
        return hash(codeJson(code));
    }

    /** r ‖ s ‖ v (v 27 or 28) of {@code hash} signed by {@code key}: what wallets and viem return. */
    static byte[] sign(byte[] hash, ECKeyPair key) {
        Sign.SignatureData signature = Sign.signMessage(hash, key, false);
        byte[] out = new byte[65];
        System.arraycopy(signature.getR(), 0, out, 0, 32);
        System.arraycopy(signature.getS(), 0, out, 32, 32);
        out[64] = signature.getV()[0];
        return out;
    }

    private String json(String type, String primaryType, String message) {
        return "{\"types\":{" + DOMAIN_TYPE + "," + type + "},\"primaryType\":\"" + primaryType + "\",\"domain\":{"
                + "\"name\":\"" + DOMAIN_NAME + "\",\"version\":\"" + DOMAIN_VERSION + "\",\"chainId\":" + chainId
                + "},\"message\":" + message + "}";
    }

    private static byte[] hash(String json) {
        try {
            return new StructuredDataEncoder(json).hashStructuredData();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the check-in typed data is built by this class and always parses", e);
        }
    }

    private static boolean signedBy(byte[] hash, byte[] signature, String expected) {
        byte v = signature[64];
        if (v == 0 || v == 1) {
            v += 27;
        }
        if (v != 27 && v != 28) {
            return false;
        }
        byte[] r = Arrays.copyOfRange(signature, 0, 32);
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        BigInteger sValue = new BigInteger(1, s);
        if (sValue.signum() == 0 || sValue.compareTo(HALF_N) > 0 || new BigInteger(1, r).signum() == 0) {
            return false;
        }
        try {
            BigInteger key = Sign.signedMessageHashToKey(hash, new Sign.SignatureData(v, r, s));
            return ("0x" + Keys.getAddress(key)).equals(expected.toLowerCase(Locale.ROOT));
        } catch (java.security.SignatureException | RuntimeException e) {
            return false;
        }
    }

    static String hex(byte[] bytes) {
        return Numeric.toHexString(bytes);
    }
}
