package io.echain.identity.internal;

import io.echain.identity.Role;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Effective roles of a wallet: the stored role, ADMIN for configured admin wallets, and what they imply. */
@Component
class Roles {

    private final Set<String> admins;

    Roles(IdentityProperties properties) {
        this.admins = Set.copyOf(properties.adminAddresses().stream()
                .map(a -> a.toLowerCase(Locale.ROOT))
                .toList());
    }

    boolean isAdmin(String address) {
        return admins.contains(address);
    }

    Set<Role> effective(String address, Role stored) {
        Set<Role> roles = EnumSet.of(Role.ATTENDEE);
        if (stored == Role.ORGANIZER || stored == Role.ADMIN) {
            roles.add(Role.ORGANIZER);
        }
        if (isAdmin(address)) {
            roles.add(Role.ORGANIZER);
            roles.add(Role.ADMIN);
        }
        return roles;
    }
}
