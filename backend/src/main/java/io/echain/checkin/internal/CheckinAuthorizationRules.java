package io.echain.checkin.internal;

import io.echain.identity.HttpAuthorizationRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The check-in settings are public (the holder's page reads them before signing in); the rest needs a caller. */
@Component
class CheckinAuthorizationRules implements HttpAuthorizationRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        HttpAuthorizationRules.permitReads(rules, "/api/checkin/config");
    }
}
