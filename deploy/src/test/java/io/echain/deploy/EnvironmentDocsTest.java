package io.echain.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The configuration is documented once and consistently: .env.example, the table of docs/deployment/
 * DEPLOYMENT_GUIDE.md, the variables application*.yml reads, the chart's ConfigMap and the required list of
 * scripts/production-setup.sh.
 */
class EnvironmentDocsTest {

    static Set<String> envExample() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(Repo.path(".env.example"))) {
            Matcher m = Pattern.compile("^([A-Z][A-Z0-9_]*)=").matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Rows of the guide's variable table: name -> "where" column. */
    static Map<String, String> guideTable() throws IOException {
        String guide = Files.readString(Repo.path("docs/deployment/DEPLOYMENT_GUIDE.md"));
        String section = guide.substring(guide.indexOf("## Environment variables"));
        Map<String, String> rows = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]*)` \\| ([^|]*) \\|").matcher(section);
        while (m.find()) {
            rows.put(m.group(1), m.group(2).trim());
        }
        return rows;
    }

    @Test
    void theGuideDocumentsExactlyTheVariablesOfEnvExample() throws IOException {
        assertThat(guideTable().keySet()).containsExactlyInAnyOrderElementsOf(envExample());
    }

    @Test
    void everyVariableTheBackendReadsIsInEnvExample() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.list(Repo.path("backend/src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList()) {
                Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(Files.readString(file));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        assertThat(read).isNotEmpty();
        assertThat(envExample()).containsAll(read);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyChartSettingIsADocumentedVariable() throws IOException {
        Set<String> chart = new TreeSet<>(Set.of("PORT", "MANAGEMENT_SERVER_PORT", "SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE"));
        for (String values : new String[] {"values.yaml", "values-production.yaml"}) {
            Map<String, Object> yaml = new Yaml().load(Files.readString(Repo.path("deploy/helm/echain/" + values)));
            chart.addAll(((Map<String, Object>) yaml.get("config")).keySet());
        }
        assertThat(envExample()).containsAll(chart);
        Map<String, String> table = guideTable();
        for (String secret : new String[] {"ECHAIN_DB_PASSWORD", "ECHAIN_JWT_SECRET", "ECHAIN_OPERATOR_KEY", "ECHAIN_RPC_URL",
                "ECHAIN_REDIS_URL"}) {
            assertThat(table.get(secret)).as(secret).startsWith("Secret");
            assertThat(chart).as("a secret in the ConfigMap").doesNotContain(secret);
        }
    }

    @Test
    void whatTheSetupCheckRequiresIsMarkedRequired() throws IOException {
        String script = Files.readString(Repo.path("scripts/production-setup.sh"));
        Matcher m = Pattern.compile("REQUIRED=\\(([^)]*)\\)").matcher(script);
        assertThat(m.find()).isTrue();
        Set<String> required = new TreeSet<>(java.util.Arrays.asList(m.group(1).trim().split("\\s+")));
        Map<String, String> table = guideTable();
        for (String name : required) {
            assertThat(table.get(name)).as(name).contains("required");
        }
        assertThat(table.entrySet().stream().filter(e -> e.getValue().contains("required")).map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(required);
    }
}
