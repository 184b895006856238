package io.echain.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * scripts/restore-drill.sh on a small data set: dump of a live database holding events, payments and tickets,
 * restore into an empty PostgreSQL, the backend answering the same, and the chain projection rebuilt from the chain
 * with the same answers. bench/restore/run.sh runs it with 10,000 events and 10,000 purchases.
 */
class RestoreDrillTest {

    @Test
    void restoredDatabaseAndReindexedProjectionAnswerLikeTheOriginal() throws Exception {
        Path work = Files.createTempDirectory("restore-drill");
        Path result = work.resolve("result.json");
        Path log = work.resolve("drill.log");
        ProcessBuilder builder = new ProcessBuilder("bash", Repo.path("scripts/restore-drill.sh").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(java.util.Map.of("EVENTS", "120", "API_EVENTS", "3", "PURCHASES", "120",
                "RESULT_FILE", result.toString()));
        String output = LocalChain.run(builder, log, Duration.ofMinutes(15));
        assertThat(output).contains("seeded 3 events through the API, 120 purchases", "same row counts in all 10 tables",
                "compare (restore): the same", "compare (reindex): the same", "restore drill: ok");
        assertThat(output).containsPattern("seeded .* [1-9]\\d* refunded tickets");
        JsonNode timings = JsonMapper.builder().build().readTree(result.toFile());
        assertThat(timings.get("restoreMs").asLong()).isPositive();
        assertThat(timings.get("reindexMs").asLong()).isPositive();
        assertThat(timings.get("dumpBytes").asLong()).isGreaterThan(10_000);
    }

    @Test
    void theComparisonSeesAChangedAnswer() throws Exception {
        Path work = Files.createTempDirectory("drill-compare");
        Path a = work.resolve("a.json");
        Path b = work.resolve("b.json");
        Files.writeString(a, """
                {"event 1": {"status": 200, "body": {"id": 1, "availability": {"sold": 7}, "headBlock": 10}}}""");
        Files.writeString(b, """
                {"event 1": {"status": 200, "body": {"id": 1, "availability": {"sold": 6}, "headBlock": 12}}}""");
        Path log = work.resolve("compare.log");
        Process process = new ProcessBuilder("node", Repo.path("scripts/lib/drill.mjs").toString(), "compare",
                a.toString(), b.toString(), "restore").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(Files.readString(log)).contains("1 differences", "event 1/body/availability/sold: 7 -> 6")
                .doesNotContain("headBlock");
    }
}
