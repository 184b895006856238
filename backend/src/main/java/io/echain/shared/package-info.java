/**
 * Shared kernel: the problem-detail vocabulary every module throws, request limits (body size, rate
 * limits) and the Ethereum address and wei value types. Its internals map every error to RFC 9457 in
 * one place.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        allowedDependencies = {})
package io.echain.shared;
