/**
 * Identity: Sign-In with Ethereum (EIP-4361), users and roles, JWT access tokens and the HTTP security
 * rules. Other modules read the caller through {@link io.echain.identity.Caller} and contribute their
 * URL rules as {@link io.echain.identity.HttpAuthorizationRules} beans.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"shared"})
package io.echain.identity;
