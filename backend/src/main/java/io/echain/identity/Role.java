package io.echain.identity;

/** What a signed-in wallet may do. ADMIN implies ORGANIZER, which implies ATTENDEE. */
public enum Role {
    ATTENDEE,
    ORGANIZER,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
