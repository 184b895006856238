package io.echain.identity.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.echain.identity.Role;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * HS256 signing and decoding with one secret from {@code ECHAIN_JWT_SECRET}. Only HS256 tokens from
 * this issuer, inside their lifetime, are accepted; {@code alg: none} and other algorithms fail.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtConfiguration.class);
    private static final int MIN_SECRET_BYTES = 32;

    @Bean
    SecretKey jwtSigningKey(IdentityProperties properties) {
        String secret = properties.jwtSecret();
        if (!StringUtils.hasText(secret)) {
            if (!properties.generateJwtSecret()) {
                throw new IllegalStateException("ECHAIN_JWT_SECRET (echain.identity.jwt-secret) is not set; "
                        + "set it to a random string of at least 32 bytes");
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            log.warn("No ECHAIN_JWT_SECRET configured: generated a random one; tokens die with this process");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("ECHAIN_JWT_SECRET must be at least 32 bytes long");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, IdentityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer())));
        return decoder;
    }

    /**
     * A token proves the wallet; what it may do is its stored role now (plus ADMIN from configuration), read on every
     * request: a revoked organizer cannot write with the token it already has, and a grant takes effect at once. The
     * {@code roles} claim only tells the client what the wallet had at sign-in.
     */
    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter(Users users, Roles roles) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            String address = String.valueOf(jwt.getSubject()).toLowerCase(java.util.Locale.ROOT);
            Role stored = users.find(address).map(Users.User::role).orElse(Role.ATTENDEE);
            return roles.effective(address, stored).stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                    .toList();
        });
        return converter;
    }
}
