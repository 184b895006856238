package io.echain.tickets.internal;

import io.echain.identity.HttpAuthorizationRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Ticket metadata and images are public (wallets and marketplaces read them); my tickets need a signed-in caller. */
@Component
class TicketAuthorizationRules implements HttpAuthorizationRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        HttpAuthorizationRules.permitReads(rules, "/api/tickets/*", "/api/tickets/*/image.svg");
    }
}
