/** Operations: the seed-compatible {@code /health} summary; Actuator adds liveness, readiness and metrics. */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package io.echain.ops;
