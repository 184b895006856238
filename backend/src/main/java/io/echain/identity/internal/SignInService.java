package io.echain.identity.internal;

import io.echain.identity.Role;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Sign-In with Ethereum: hands out nonces and turns a signed message into an access token after
 * checking domain, URI, chain id, times, the signer (personal_sign, EIP-191) and finally the nonce.
 */
@Service
class SignInService {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final Nonces nonces;
    private final Users users;
    private final Roles roles;
    private final TokenIssuer tokens;
    private final IdentityProperties properties;
    private final Clock clock;

    SignInService(
            Nonces nonces, Users users, Roles roles, TokenIssuer tokens, IdentityProperties properties, Clock clock) {
        this.nonces = nonces;
        this.users = users;
        this.roles = roles;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    record NonceIssued(String nonce, Instant expiresAt) {}

    record SignedIn(String address, Set<Role> roles, TokenIssuer.Token token) {}

    NonceIssued issueNonce() {
        Instant expiresAt = clock.instant().plus(properties.nonceTtl());
        return new NonceIssued(nonces.issue(expiresAt), expiresAt);
    }

    @Transactional
    SignedIn verify(String text, String signature) {
        SiweMessage message = SiweMessage.parse(text);
        if (!message.address().equals(Keys.toChecksumAddress(message.address()))) {
            throw new SignInRejected("address", "must be written with its EIP-55 checksum");
        }
        checkOrigin(message);
        checkTimes(message);
        String address = recoverSigner(text, signature);
        if (!address.equals(message.address().toLowerCase(Locale.ROOT))) {
            throw new SignInRejected("signature", "was not made by the message's address");
        }
        if (!nonces.consume(message.nonce())) {
            throw new SignInRejected("nonce", "is unknown, expired or already used");
        }
        Users.User user = users.signedIn(address);
        Set<Role> effective = roles.effective(address, user.role());
        return new SignedIn(address, effective, tokens.issue(address, effective));
    }

    private void checkOrigin(SiweMessage message) {
        // EIP-4361: a scheme given before the domain must be the scheme of the origin the message is for.
        String scheme = URI.create(properties.siweUri()).getScheme();
        if (message.scheme() != null && !message.scheme().equalsIgnoreCase(scheme)) {
            throw new SignInRejected("scheme", "must be " + scheme + ", the scheme of " + properties.siweUri());
        }
        if (!message.domain().equals(properties.siweDomain())) {
            throw new SignInRejected("domain", "must be " + properties.siweDomain());
        }
        if (!sameOrigin(message.uri(), properties.siweUri())) {
            throw new SignInRejected("uri", "must be on " + properties.siweUri());
        }
        if (message.chainId() != properties.chainId()) {
            throw new SignInRejected("chainId", "must be " + properties.chainId());
        }
    }

    private void checkTimes(SiweMessage message) {
        Instant now = clock.instant();
        if (message.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new SignInRejected("issuedAt", "is in the future");
        }
        if (message.issuedAt().isBefore(now.minus(properties.maxMessageAge()))) {
            throw new SignInRejected(
                    "issuedAt", "is older than " + properties.maxMessageAge().toMinutes() + " minutes");
        }
        if (message.expirationTime() != null && !message.expirationTime().isAfter(now)) {
            throw new SignInRejected("expirationTime", "has passed");
        }
        if (message.notBefore() != null && message.notBefore().isAfter(now.plus(CLOCK_SKEW))) {
            throw new SignInRejected("notBefore", "is still in the future");
        }
    }

    private static boolean sameOrigin(String uri, String expected) {
        try {
            URI actual = URI.create(uri);
            URI wanted = URI.create(expected);
            return wanted.getScheme().equalsIgnoreCase(String.valueOf(actual.getScheme()))
                    && wanted.getHost().equalsIgnoreCase(String.valueOf(actual.getHost()))
                    && wanted.getPort() == actual.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The lower-case address that made this EIP-191 personal_sign signature (65 bytes r, s, v). */
    static String recoverSigner(String text, String signature) {
        if (signature == null || !signature.matches("^0x[0-9a-fA-F]{130}$")) {
            throw new SignInRejected("signature", "must be a 65-byte hex signature (0x + 130 hex digits)");
        }
        byte[] bytes = Numeric.hexStringToByteArray(signature);
        byte v = bytes[64];
        if (v < 27) {
            v += 27;
        }
        if (v != 27 && v != 28) {
            throw new SignInRejected("signature", "has an invalid recovery id");
        }
        try {
            Sign.SignatureData data =
                    new Sign.SignatureData(v, Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64));
            BigInteger key = Sign.signedPrefixedMessageToKey(text.getBytes(StandardCharsets.UTF_8), data);
            return "0x" + Keys.getAddress(key);
        } catch (SignatureException | RuntimeException e) {
            throw new SignInRejected("signature", "cannot be verified");
        }
    }

    static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }
}
