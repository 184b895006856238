/**
 * Local infrastructure for development and tests: embedded PostgreSQL started from a Maven artifact
 * before the application context (and, with the chain integration, a local node).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Local development infrastructure")
package io.echain.dev;
