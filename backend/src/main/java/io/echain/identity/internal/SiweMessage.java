package io.echain.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EIP-4361 message, parsed strictly: anything that is not exactly the ABNF is rejected. {@code scheme} is the
 * optional scheme before the domain ({@code https://example.com wants you...}); null when the message has none.
 */
record SiweMessage(
        String scheme,
        String domain,
        String address,
        String statement,
        String uri,
        String version,
        long chainId,
        String nonce,
        Instant issuedAt,
        Instant expirationTime,
        Instant notBefore) {

    private static final Pattern FORMAT = Pattern.compile(
            "(?:(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*)://)?(?<domain>[^\\s/?#]+) wants you to sign in with your Ethereum account:\\n"
                    + "(?<address>0x[a-fA-F0-9]{40})\\n\\n"
                    + "(?:(?<statement>[^\\n]+)\\n)?\\n"
                    + "URI: (?<uri>\\S+)\\n"
                    + "Version: (?<version>1)\\n"
                    + "Chain ID: (?<chainId>[0-9]{1,18})\\n"
                    + "Nonce: (?<nonce>[a-zA-Z0-9]{8,64})\\n"
                    + "Issued At: (?<issuedAt>\\S+)"
                    + "(?:\\nExpiration Time: (?<expirationTime>\\S+))?"
                    + "(?:\\nNot Before: (?<notBefore>\\S+))?"
                    + "(?:\\nRequest ID: (?<requestId>[^\\n]*))?"
                    + "(?:\\nResources:(?:\\n- \\S+)+)?\\n?");

    /** Parses {@code text}; throws {@link SignInRejected} when it is not a well-formed SIWE message. */
    static SiweMessage parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw malformed();
        }
        return new SiweMessage(
                m.group("scheme"),
                m.group("domain"),
                m.group("address"),
                m.group("statement"),
                m.group("uri"),
                m.group("version"),
                Long.parseLong(m.group("chainId")),
                m.group("nonce"),
                time(m.group("issuedAt")),
                time(m.group("expirationTime")),
                time(m.group("notBefore")));
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed();
        }
    }

    private static SignInRejected malformed() {
        return new SignInRejected("message", "is not a well-formed EIP-4361 (Sign-In with Ethereum) message");
    }
}
