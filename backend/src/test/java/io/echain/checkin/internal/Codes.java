package io.echain.checkin.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Makes check-in codes as the holder's page does: the holder's wallet signs a pass delegating to a fresh key, which
 * signs each code; real secp256k1 keys, EIP-712 hashes from web3j's StructuredDataEncoder.
 */
final class Codes {

    private final CheckInSignatures signatures;

    Codes(long chainId) {
        this.signatures = new CheckInSignatures(chainId);
    }

    /** A holder's pass for an event: the delegate key and the window the wallet signed. */
    record Pass(ECKeyPair holder, ECKeyPair delegate, long eventId, long notBefore, long notAfter, byte[] signature) {

        String holderAddress() {
            return "0x" + Keys.getAddress(holder);
        }
    }

    /** The page's pass: from five minutes ago for 24 hours, signed by {@code holder}. */
    Pass pass(ECKeyPair holder, long eventId) {
        long now = Instant.now().getEpochSecond();
        return pass(holder, eventId, now - 300, now + Duration.ofHours(24).toSeconds());
    }

    Pass pass(ECKeyPair holder, long eventId, long notBefore, long notAfter) {
        try {
            ECKeyPair delegate = Keys.createEcKeyPair();
            CheckInCode unsigned =
                    code(holder, delegate, eventId, BigInteger.ZERO, notBefore, notAfter, new byte[65], 0);
            byte[] signature = CheckInSignatures.sign(signatures.passHash(unsigned), holder);
            return new Pass(holder, delegate, eventId, notBefore, notAfter, signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code of the pass for a ticket, issued now. */
    String code(Pass pass, BigInteger tokenId) {
        return code(pass, tokenId, Instant.now().getEpochSecond());
    }

    String code(Pass pass, BigInteger tokenId, long issuedAt) {
        return code(pass, pass.eventId(), tokenId, issuedAt);
    }

    /** A code whose CheckInCode message names {@code eventId} (the pass may be of another event: a forgery). */
    String code(Pass pass, long eventId, BigInteger tokenId, long issuedAt) {
        CheckInCode unsigned = code(
                pass.holder(),
                pass.delegate(),
                eventId,
                tokenId,
                pass.notBefore(),
                pass.notAfter(),
                pass.signature(),
                issuedAt);
        byte[] signature = CheckInSignatures.sign(signatures.codeHash(unsigned), pass.delegate());
        return withCodeSignature(unsigned, signature).text();
    }

    private static CheckInCode code(
            ECKeyPair holder,
            ECKeyPair delegate,
            long eventId,
            BigInteger tokenId,
            long notBefore,
            long notAfter,
            byte[] passSignature,
            long issuedAt) {
        return new CheckInCode(
                eventId,
                tokenId,
                "0x" + Keys.getAddress(holder),
                "0x" + Keys.getAddress(delegate),
                notBefore,
                notAfter,
                passSignature,
                issuedAt,
                new byte[65]);
    }

    private static CheckInCode withCodeSignature(CheckInCode c, byte[] signature) {
        return new CheckInCode(
                c.eventId(),
                c.tokenId(),
                c.holder(),
                c.delegate(),
                c.notBefore(),
                c.notAfter(),
                c.passSignature(),
                c.issuedAt(),
                signature);
    }
}
