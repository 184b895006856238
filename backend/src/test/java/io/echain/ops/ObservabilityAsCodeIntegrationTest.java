package io.echain.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import io.echain.support.Wallet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards and alert rules in {@code deploy/observability} against the running application: promtool accepts
 * the rules and their unit tests pass, every alert has {@code for}, a severity, a runbook section that exists and a
 * unit test, and every metric a panel or an alert names is one the application exports, scraped from the
 * management port, which is the only port that serves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ObservabilityAsCodeIntegrationTest extends ApiIntegrationTest {

    private static final Path OBSERVABILITY =
            Path.of("..", "deploy", "observability").toAbsolutePath().normalize();
    private static final Path RULES = OBSERVABILITY.resolve("alerts/echain.rules.yml");
    private static final Path RULE_TESTS = OBSERVABILITY.resolve("alerts/echain.rules.test.yml");
    private static final Path REPOSITORY = OBSERVABILITY.getParent().getParent();
    /** Series that Prometheus itself adds to every scrape. */
    private static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "offset",
            "inf",
            "nan");

    @LocalManagementPort
    int managementPort;

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        String[] lines = run(List.of(OBSERVABILITY.resolve("promtool.sh").toString()), REPOSITORY)
                .trim()
                .split("\n");
        String promtool = lines[lines.length - 1].trim();
        run(List.of(promtool, "check", "rules", RULES.toString()), REPOSITORY);
        run(
                List.of(
                        promtool,
                        "check",
                        "config",
                        OBSERVABILITY.resolve("prometheus.yml").toString()),
                REPOSITORY);
        String tested =
                run(List.of(promtool, "test", "rules", RULE_TESTS.getFileName().toString()), RULE_TESTS.getParent());
        assertThat(tested).contains("SUCCESS");
    }

    @Test
    void everyAlertHasForSeverityARunbookSectionAndAUnitTest() throws IOException {
        String ruleTests = Files.readString(RULE_TESTS);
        List<Map<String, Object>> alerts = alerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(10);
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            assertThat(alert).as(name).containsKey("for");
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) alert.get("labels");
            assertThat(labels.get("severity")).as(name).isIn("warning", "critical");
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) alert.get("annotations");
            String runbook = annotations.get("runbook_url");
            assertThat(runbook).as(name).contains("#");
            Path file = REPOSITORY.resolve(runbook.substring(0, runbook.indexOf('#')));
            assertThat(file).as(name).exists();
            assertThat(anchors(Files.readString(file)))
                    .as(name + " → " + runbook)
                    .contains(runbook.substring(runbook.indexOf('#') + 1));
            assertThat(ruleTests).as("a promtool test of " + name).contains("alertname: " + name + "\n");
        }
        assertThat(alerts.stream().map(a -> (String) a.get("alert")))
                .contains(
                        "EchainIndexerLagging",
                        "EchainIndexerStopped",
                        "EchainOutboxStuck",
                        "EchainOperatorBalanceLow",
                        "EchainRpcErrorRate",
                        "EchainHigh5xxRate",
                        "EchainHighLatencyP99",
                        "EchainDatabaseDown",
                        "EchainReadinessFlapping");
    }

    @Test
    void metricsAreServedOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(404);
        Api.Response scraped = new Api(managementPort).get("/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(new Api(managementPort).get("/actuator/health/readiness").status())
                .isEqualTo(200);
        assertThat(api.get("/health").status())
                .as("the public summary stays on the application port")
                .isEqualTo(200);
    }

    @Test
    void everyMetricThatADashboardOrAnAlertNamesIsExported() throws Exception {
        // Some traffic, so the meters that appear on first use exist: requests, a sign-in, a GC pause.
        signIn(Wallet.random());
        api.get("/api/events");
        api.get("/api/events/999999999");
        String message =
                io.echain.support.SiweMessages.valid(Wallet.random(), nonce()).text();
        assertThat(verify(message, "0x" + "12".repeat(65)).status()).isEqualTo(401);
        // The GC meter appears when the JVM's notification of a pause arrives, asynchronously after System.gc().
        String scrape = "";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!scrape.contains("jvm_gc_pause_seconds_sum") && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(200);
            scrape = new Api(managementPort).get("/actuator/prometheus").body();
        }
        Set<String> exported = exportedNames(scrape);
        assertThat(value(scrape, "echain_sign_ins_total{outcome=\"accepted\",reason=\"none\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "echain_sign_ins_total{outcome=\"rejected\",reason=\"signature\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "cache_gets_total{cache=\"events.detail\",result=\"miss\"}"))
                .isGreaterThanOrEqualTo(1);

        Map<String, Set<String>> used = new java.util.TreeMap<>();
        for (Map<String, Object> alert : alerts()) {
            used.put("alert " + alert.get("alert"), metricNames((String) alert.get("expr")));
        }
        try (Stream<Path> dashboards = Files.list(OBSERVABILITY.resolve("dashboards"))) {
            for (Path dashboard :
                    dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode json = Api.JSON.readTree(Files.readString(dashboard));
                assertThat(json.get("panels").size()).as(dashboard.toString()).isGreaterThan(5);
                for (JsonNode panel : json.get("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        used.computeIfAbsent(
                                        dashboard.getFileName() + " / "
                                                + panel.get("title").asString(),
                                        k -> new TreeSet<>())
                                .addAll(metricNames(target.get("expr").asString()));
                    }
                }
            }
        }
        assertThat(used.keySet())
                .anyMatch(k -> k.startsWith("platform.json"))
                .anyMatch(k -> k.startsWith("chain-and-money.json"));
        List<String> missing = new ArrayList<>();
        used.forEach((where, names) -> names.stream()
                .filter(n -> !exported.contains(n) && !SYNTHETIC.contains(n))
                .forEach(n -> missing.add(where + ": " + n)));
        assertThat(missing)
                .as("metrics named by dashboards and alerts but not exported")
                .isEmpty();
        assertThat(used.values().stream().mapToInt(Set::size).sum()).isGreaterThan(40);
    }

    /** Metric names in a PromQL expression: identifiers outside label matchers, ranges, strings and grouping clauses. */
    static Set<String> metricNames(String expr) {
        String stripped = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?")
                .matcher(stripped);
        while (m.find()) {
            String name = m.group(1);
            if (m.group(2) == null && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    private static double value(String scrape, String series) {
        return scrape.lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + series));
    }

    private static Set<String> exportedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alerts() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(RULES));
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (rule.containsKey("alert")) {
                    alerts.add(rule);
                }
            }
        }
        return alerts;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "")
                        .trim()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "")
                        .replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static String run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }
}
