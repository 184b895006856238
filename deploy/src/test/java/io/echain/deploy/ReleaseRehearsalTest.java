package io.echain.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/release/run.sh, shortened: two backend processes behind a round-robin proxy under steady load; release N+1
 * (one more, expand-only migration) replaces N one process at a time, then N is rolled back onto schema N+1.
 * No request may fail, and the rolled-back release must start on the newer schema and serve.
 */
class ReleaseRehearsalTest {

    @Test
    void rollingReleaseAndRollbackLoseNoRequest() throws Exception {
        Path work = Files.createTempDirectory("release-rehearsal");
        Path result = work.resolve("result.json");
        Path log = work.resolve("release.log");
        ProcessBuilder builder = new ProcessBuilder("bash", Repo.path("bench/release/run.sh").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("RATE", "20", "WARMUP", "8", "STEADY", "3", "ROLLBACK", "1", "PRESTOP", "2",
                "RESULT_FILE", result.toString(),
                // Faster JVM starts (C1 only) for this short run; the benchmark uses the production JIT.
                "STACK_JAVA_OPTS", "-Xms256m -Xmx512m -XX:TieredStopAtLevel=1"));
        String output = LocalChain.run(builder, log, Duration.ofMinutes(15));
        assertThat(output).contains("release rehearsal: ok (0 failed requests");
        JsonNode r = JsonMapper.builder().build().readTree(result.toFile());
        assertThat(r.get("measured").get("failed").asInt()).isZero();
        assertThat(r.get("measured").get("requests").asInt()).isGreaterThan(300);
        for (String phase : new String[] {"steady", "release", "steady-after-release", "rollback", "steady-after-rollback"}) {
            assertThat(r.get("phases").get(phase).get("requests").asInt()).as(phase).isPositive();
            assertThat(r.get("phases").get(phase).get("failed").asInt()).as(phase).isZero();
        }
        // Five processes served: N twice, N+1 twice, and N again after the rollback, on schema N+1.
        assertThat(r.get("served").size()).isEqualTo(5);
        r.get("served").properties().forEach(e -> assertThat(e.getValue().asInt()).as(e.getKey()).isPositive());
    }
}
