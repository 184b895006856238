package io.echain.identity.internal;

import io.echain.identity.Role;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Wallet users. The stored role is ATTENDEE or ORGANIZER; ADMIN comes from configuration. */
@Repository
class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record User(String address, Role role, String email, Instant createdAt) {}

    /** Creates the user as ATTENDEE on first sign-in, records the sign-in otherwise. */
    User signedIn(String address) {
        return jdbc.sql("""
                insert into users (address, last_sign_in_at) values (?, now())
                on conflict (address) do update set last_sign_in_at = now()
                returning address, role, email, created_at""").param(address).query(User.class).single();
    }

    User setRole(String address, Role role) {
        return jdbc.sql("""
                insert into users (address, role) values (?, ?)
                on conflict (address) do update set role = excluded.role, updated_at = now()
                returning address, role, email, created_at""").params(address, role.name()).query(User.class).single();
    }

    /** Sets or clears the e-mail; a duplicate (case-insensitive) violates users_email_key. */
    Optional<User> setEmail(String address, String email) {
        return jdbc.sql("""
                update users set email = ?, updated_at = now() where address = ?
                returning address, role, email, created_at""").params(email, address).query(User.class).optional();
    }

    Optional<User> find(String address) {
        return jdbc.sql("select address, role, email, created_at from users where address = ?")
                .param(address)
                .query(User.class)
                .optional();
    }
}
