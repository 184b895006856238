package io.echain.identity.internal;

import java.security.SecureRandom;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use SIWE nonces, kept in PostgreSQL so every instance sees them. */
@Repository
class Nonces {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    Nonces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores and returns a fresh 24-character nonce (about 143 bits), dropping long-expired ones. */
    String issue(Instant expiresAt) {
        jdbc.sql("delete from siwe_nonces where expires_at < now() - interval '1 hour'")
                .update();
        char[] nonce = new char[24];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        String value = new String(nonce);
        jdbc.sql("insert into siwe_nonces (nonce, expires_at) values (?, ?)")
                .params(value, java.sql.Timestamp.from(expiresAt))
                .update();
        return value;
    }

    /** Atomically uses the nonce up; false when unknown, expired or already used. */
    boolean consume(String nonce) {
        return jdbc.sql("delete from siwe_nonces where nonce = ? and expires_at > now()")
                        .param(nonce)
                        .update()
                == 1;
    }
}
