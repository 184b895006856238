package io.echain.identity;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in wallet behind a request: its lower-case address and roles. */
public record Caller(String address, Set<Role> roles) {

    public static Caller from(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new Caller(authentication.getName(), Set.copyOf(roles));
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
