package io.echain.identity.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code echain.identity.*}: token signing, SIWE expectations and the admin wallets.
 *
 * @param jwtSecret HS256 secret, at least 32 bytes ({@code ECHAIN_JWT_SECRET})
 * @param generateJwtSecret dev only: make a random secret at start when none is configured
 * @param tokenTtl lifetime of an access token
 * @param adminAddresses wallets that are ADMIN ({@code ECHAIN_ADMIN_ADDRESSES}, comma separated)
 * @param siweDomain the domain (host[:port]) a SIWE message must name
 * @param siweUri the origin the message's URI must start with
 * @param chainId the chain id the message must name
 * @param nonceTtl how long a nonce may be used
 * @param maxMessageAge the oldest accepted Issued At
 */
@ConfigurationProperties("echain.identity")
record IdentityProperties(
        String jwtSecret,
        @DefaultValue("false") boolean generateJwtSecret,
        @DefaultValue("15m") Duration tokenTtl,
        @DefaultValue("echain") String issuer,
        List<String> adminAddresses,
        @DefaultValue("localhost:8080") String siweDomain,
        @DefaultValue("http://localhost:8080") String siweUri,
        @DefaultValue("31337") long chainId,
        @DefaultValue("5m") Duration nonceTtl,
        @DefaultValue("10m") Duration maxMessageAge,
        @DefaultValue("Sign in to Echain.") String statement) {

    IdentityProperties {
        adminAddresses = adminAddresses == null
                ? List.of()
                : adminAddresses.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
