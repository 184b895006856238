package io.echain.identity.internal;

import io.echain.identity.HttpAuthorizationRules;
import io.echain.identity.Role;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Stateless resource server: bearer JWTs decoded by Spring Security. Modules add their URL rules
 * ({@link HttpAuthorizationRules}); the rest of {@code /api} needs a signed-in caller (paths no controller serves
 * answer 404 to anyone), the rest of the site (health, docs, metrics) is public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    HttpAuthorizationRules identityRules() {
        return rules -> rules.requestMatchers(CorsUtils::isPreFlightRequest)
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/auth/nonce", "/api/auth/verify")
                .permitAll()
                .requestMatchers("/api/admin/**")
                .hasRole(Role.ADMIN.name());
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            List<HttpAuthorizationRules> moduleRules,
            ProblemSecurityHandlers problems,
            JwtAuthenticationConverter jwtConverter,
            CorsSupport cors,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> controllers)
            throws Exception {
        cors.apply(http);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> {
                    moduleRules.forEach(module -> module.configure(rules));
                    rules.requestMatchers(new UnservedApiPaths(controllers))
                            .permitAll()
                            .requestMatchers("/api/**")
                            .authenticated()
                            .anyRequest()
                            .permitAll();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }
}
