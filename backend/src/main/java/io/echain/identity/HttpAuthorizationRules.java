package io.echain.identity;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's URL authorization rules, applied before the defaults (everything else under {@code /api}
 * needs a signed-in caller, except paths no controller serves, which answer 404; paths outside {@code /api} are
 * public).
 */
@FunctionalInterface
public interface HttpAuthorizationRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

    /** Lets anyone read these paths: GET, and HEAD (what GET answers, without the body) wherever GET is allowed. */
    static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry permitReads(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
            String... patterns) {
        return rules.requestMatchers(HttpMethod.GET, patterns)
                .permitAll()
                .requestMatchers(HttpMethod.HEAD, patterns)
                .permitAll();
    }
}
