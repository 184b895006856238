package io.echain.identity.internal;

import io.echain.identity.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues short-lived HS256 access tokens: {@code sub} is the lower-case address, {@code roles} the roles. */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final IdentityProperties properties;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, IdentityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    record Token(String value, Instant expiresAt) {}

    Token issue(String address, Collection<Role> roles) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(address)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("roles", roles.stream().map(Role::name).sorted().toList())
                .build();
        String value = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Token(value, expiresAt);
    }
}
