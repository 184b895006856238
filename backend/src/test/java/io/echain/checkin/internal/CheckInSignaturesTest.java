package io.echain.checkin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * The code's EIP-712 hashes are the ones the holder's page signs with viem ({@code hashTypedData}; the vectors below
 * were computed with viem 2 from frontend/node_modules), and the wire format reads back what it wrote.
 */
class CheckInSignaturesTest {

    private static final long CHAIN_ID = 84532;
    private final CheckInSignatures signatures = new CheckInSignatures(CHAIN_ID);

    @Test
    void hashesThePassAndTheCodeAsViemDoes() {
        CheckInCode code = new CheckInCode(
                7,
                new BigInteger("123456789012345678901234567890"),
                "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
                "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
                1764590000L,
                1764676400L,
                new byte[65],
                1764590100L,
                new byte[65]);
        assertThat(Numeric.toHexString(signatures.passHash(code)))
                .isEqualTo("0x2f15edf4dc47925bb5f0cabddc8f29ba663b1714338c29731f67c80c8b0e643d");
        assertThat(Numeric.toHexString(signatures.codeHash(code)))
                .isEqualTo("0x1fa03cbadc9b5628f798fc66919127a0116fcb7a3365a654b5aa0598a1c2553c");
    }

    @Test
    void acceptsACodeSignedByTheHoldersPassAndItsDelegate() {
        Codes codes = new Codes(CHAIN_ID);
        ECKeyPair holder = ECKeyPair.create(BigInteger.valueOf(123456789));
        Codes.Pass pass = codes.pass(holder, 7);
        String text = codes.code(pass, BigInteger.TEN);
        assertThat(text).startsWith("ECHK1.");
        CheckInCode code = CheckInCode.parse(text).orElseThrow();
        assertThat(code.holder()).isEqualTo(pass.holderAddress());
        assertThat(code.tokenId()).isEqualTo(BigInteger.TEN);
        assertThat(code.text()).isEqualTo(text);
        assertThat(signatures.valid(code)).isTrue();
        assertThat(new CheckInSignatures(8453).valid(code))
                .as("signed for another chain")
                .isFalse();
    }

    @Test
    void refusesACodeWithAnyByteChanged() {
        Codes codes = new Codes(CHAIN_ID);
        String text = codes.code(codes.pass(ECKeyPair.create(BigInteger.valueOf(42)), 7), BigInteger.ONE);
        byte[] bytes = Base64.getUrlDecoder().decode(text.substring(6));
        for (int i = 9; i < bytes.length; i += 7) { // every field after the event id, signatures included
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            String forged = "ECHK1." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
            assertThat(CheckInCode.parse(forged).map(signatures::valid).orElse(false))
                    .as("byte %d changed", i)
                    .isFalse();
        }
    }

    @Test
    void readsOnlyTheWireFormat() {
        assertThat(CheckInCode.parse(null)).isEmpty();
        assertThat(CheckInCode.parse("")).isEmpty();
        assertThat(CheckInCode.parse("hello")).isEmpty();
        assertThat(CheckInCode.parse("ECHK1.")).isEmpty();
        assertThat(CheckInCode.parse("ECHK1.!!!!")).isEmpty();
        assertThat(CheckInCode.parse("ECHK1." + "A".repeat(10))).isEmpty();
        byte[] wrongVersion = new byte[235];
        wrongVersion[0] = 2;
        assertThat(CheckInCode.parse(
                        "ECHK1." + Base64.getUrlEncoder().withoutPadding().encodeToString(wrongVersion)))
                .isEmpty();
        byte[] tooLong = new byte[236];
        tooLong[0] = 1;
        assertThat(CheckInCode.parse(
                        "ECHK1." + Base64.getUrlEncoder().withoutPadding().encodeToString(tooLong)))
                .isEmpty();
        byte[] right = new byte[235];
        right[0] = 1;
        assertThat(CheckInCode.parse(
                        "ECHK1." + Base64.getUrlEncoder().withoutPadding().encodeToString(right)))
                .isPresent();
    }
}
