package io.echain.events.internal;

import io.echain.identity.HttpAuthorizationRules;
import io.echain.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Reading events is public; writing needs the ORGANIZER role (ownership is checked per event). */
@Component
class EventAuthorizationRules implements HttpAuthorizationRules {

    @Override
    public void configure(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<
                                    org.springframework.security.config.annotation.web.builders.HttpSecurity>
                            .AuthorizationManagerRequestMatcherRegistry
                    rules) {
        HttpAuthorizationRules.permitReads(rules, "/api/events", "/api/events/*")
                .requestMatchers(HttpMethod.POST, "/api/events")
                .hasRole(Role.ORGANIZER.name())
                .requestMatchers(HttpMethod.PUT, "/api/events/*")
                .hasRole(Role.ORGANIZER.name())
                .requestMatchers(HttpMethod.DELETE, "/api/events/*")
                .hasRole(Role.ORGANIZER.name());
    }
}
