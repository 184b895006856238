/** Operations: the seed-compatible {@code /health} summary; Actuator adds liveness, readiness and metrics. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Operations",
        allowedDependencies = {"shared", "chain", "chain :: indexer"})
package io.echain.ops;
