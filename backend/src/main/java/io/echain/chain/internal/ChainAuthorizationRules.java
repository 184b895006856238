package io.echain.chain.internal;

import io.echain.identity.HttpAuthorizationRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The chain info is public: wallets need it before anyone signs in. */
@Component
class ChainAuthorizationRules implements HttpAuthorizationRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        HttpAuthorizationRules.permitReads(rules, "/api/chain");
    }
}
