package io.echain.checkin.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * A decoded code: {@code ECHK1.} and the base64url (no padding) of 235 big-endian bytes (docs/checkin.md, "Wire
 * format"). Unsigned 64-bit fields are kept as Java longs holding the same bits ({@link Long#toUnsignedString}).
 */
record CheckInCode(
        long eventId,
        BigInteger tokenId,
        String holder,
        String delegate,
        long notBefore,
        long notAfter,
        byte[] passSignature,
        long issuedAt,
        byte[] codeSignature) {

    static final String PREFIX = "ECHK1.";
    static final int LENGTH = 235;
    static final byte VERSION = 1;

    /** The code, or empty when the text is not one (MALFORMED). */
    static Optional<CheckInCode> parse(String text) {
        if (text == null || text.length() > PREFIX.length() + 400) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (!trimmed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String body = trimmed.substring(PREFIX.length());
        if (body.contains("=") || body.contains("+") || body.contains("/")) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != LENGTH || bytes[0] != VERSION) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, LENGTH - 1);
        long eventId = in.getLong();
        BigInteger tokenId = new BigInteger(1, take(in, 32));
        String holder = Numeric.toHexString(take(in, 20));
        String delegate = Numeric.toHexString(take(in, 20));
        long notBefore = in.getLong();
        long notAfter = in.getLong();
        byte[] passSignature = take(in, 65);
        long issuedAt = in.getLong();
        byte[] codeSignature = take(in, 65);
        return Optional.of(new CheckInCode(
                eventId, tokenId, holder, delegate, notBefore, notAfter, passSignature, issuedAt, codeSignature));
    }

    /** The wire text of a code (tests and the benchmark make codes with it). */
    String text() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        out.put(VERSION);
        out.putLong(eventId);
        out.put(Numeric.toBytesPadded(tokenId, 32));
        out.put(Numeric.hexStringToByteArray(holder));
        out.put(Numeric.hexStringToByteArray(delegate));
        out.putLong(notBefore);
        out.putLong(notAfter);
        out.put(passSignature);
        out.putLong(issuedAt);
        out.put(codeSignature);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** What identifies the holder's pass (every code of one pass shares it): the key of the verified-pass cache. */
    String passKey() {
        return Long.toUnsignedString(eventId)
                + ':'
                + holder
                + ':'
                + delegate
                + ':'
                + Long.toUnsignedString(notBefore)
                + ':'
                + Long.toUnsignedString(notAfter)
                + ':'
                + Numeric.toHexStringNoPrefix(passSignature);
    }

    private static byte[] take(ByteBuffer in, int n) {
        byte[] bytes = new byte[n];
        in.get(bytes);
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckInCode c && text().equals(c.text());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codeSignature);
    }

    @Override
    public String toString() {
        return "CheckInCode[event " + Long.toUnsignedString(eventId) + ", token " + tokenId + ", holder " + holder
                + "]";
    }
}
