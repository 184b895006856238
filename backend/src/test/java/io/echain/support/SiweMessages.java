package io.echain.support;

import java.time.Instant;

/** Builds EIP-4361 messages the way wallets and viem's createSiweMessage do. */
public final class SiweMessages {

    public static final String DOMAIN = "echain.test";
    public static final String URI = "https://echain.test";
    public static final long CHAIN_ID = 84532;

    private SiweMessages() {}

    public record Fields(
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

        public Fields withDomain(String value) {
            return new Fields(
                    value, address, statement, uri, version, chainId, nonce, issuedAt, expirationTime, notBefore);
        }

        public Fields withAddress(String value) {
            return new Fields(
                    domain, value, statement, uri, version, chainId, nonce, issuedAt, expirationTime, notBefore);
        }

        public Fields withStatement(String value) {
            return new Fields(
                    domain, address, value, uri, version, chainId, nonce, issuedAt, expirationTime, notBefore);
        }

        public Fields withUri(String value) {
            return new Fields(
                    domain, address, statement, value, version, chainId, nonce, issuedAt, expirationTime, notBefore);
        }

        public Fields withVersion(String value) {
            return new Fields(
                    domain, address, statement, uri, value, chainId, nonce, issuedAt, expirationTime, notBefore);
        }

        public Fields withChainId(long value) {
            return new Fields(
                    domain, address, statement, uri, version, value, nonce, issuedAt, expirationTime, notBefore);
        }

        public Fields withNonce(String value) {
            return new Fields(
                    domain, address, statement, uri, version, chainId, value, issuedAt, expirationTime, notBefore);
        }

        public Fields withIssuedAt(Instant value) {
            return new Fields(
                    domain, address, statement, uri, version, chainId, nonce, value, expirationTime, notBefore);
        }

        public Fields withExpirationTime(Instant value) {
            return new Fields(domain, address, statement, uri, version, chainId, nonce, issuedAt, value, notBefore);
        }

        public Fields withNotBefore(Instant value) {
            return new Fields(
                    domain, address, statement, uri, version, chainId, nonce, issuedAt, expirationTime, value);
        }

        public String text() {
            StringBuilder s = new StringBuilder();
            s.append(domain)
                    .append(" wants you to sign in with your Ethereum account:\n")
                    .append(address)
                    .append("\n\n");
            if (statement != null) {
                s.append(statement).append('\n');
            }
            s.append('\n');
            s.append("URI: ").append(uri).append('\n');
            s.append("Version: ").append(version).append('\n');
            s.append("Chain ID: ").append(chainId).append('\n');
            s.append("Nonce: ").append(nonce).append('\n');
            s.append("Issued At: ").append(issuedAt);
            if (expirationTime != null) {
                s.append("\nExpiration Time: ").append(expirationTime);
            }
            if (notBefore != null) {
                s.append("\nNot Before: ").append(notBefore);
            }
            return s.toString();
        }
    }

    public static Fields valid(Wallet wallet, String nonce) {
        Instant now = Instant.now();
        return new Fields(
                DOMAIN,
                wallet.address(),
                "Sign in to Echain.",
                URI + "/login",
                "1",
                CHAIN_ID,
                nonce,
                now,
                now.plusSeconds(300),
                null);
    }
}
