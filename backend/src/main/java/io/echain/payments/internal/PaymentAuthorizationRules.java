package io.echain.payments.internal;

import io.echain.identity.HttpAuthorizationRules;
import io.echain.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Quotes are public; revenue needs the ORGANIZER role; payments and sales need a signed-in caller (ownership
 * checked per item).
 */
@Component
class PaymentAuthorizationRules implements HttpAuthorizationRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        HttpAuthorizationRules.permitReads(rules, "/api/events/*/quote")
                .requestMatchers(HttpMethod.GET, "/api/organizers/me/revenue")
                .hasRole(Role.ORGANIZER.name());
    }
}
