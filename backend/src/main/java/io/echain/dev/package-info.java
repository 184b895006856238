/**
 * Local infrastructure for development and tests, started before the application context: embedded PostgreSQL from
 * a Maven artifact and a local Anvil with the contracts deployed ({@link io.echain.dev.DevKeys} are its accounts).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Local development infrastructure",
        allowedDependencies = {})
package io.echain.dev;
