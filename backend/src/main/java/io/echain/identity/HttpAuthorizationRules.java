package io.echain.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's URL authorization rules, applied before the defaults (everything else under {@code /api}
 * needs a signed-in caller; paths outside {@code /api} are public).
 */
@FunctionalInterface
public interface HttpAuthorizationRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
