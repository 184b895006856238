package io.echain.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart in deploy/helm/echain: helm lint, helm template for the default and the production values, every
 * rendered object valid against the Kubernetes schema (no unknown fields, right types), and the behaviour the
 * runbooks rely on.
 */
@SuppressWarnings("unchecked")
class HelmChartTest {

    static final Path CHART = Repo.path("deploy/helm/echain");
    static final String DIGEST = "sha256:" + "ab".repeat(32);

    static List<Map<String, Object>> render(boolean production, String... sets) {
        var template = new Helm(CHART).template().withName("echain").withNamespace("echain")
                .withKubeVersion("1.32.0");
        if (production) {
            template = template.withValuesFile(CHART.resolve("values-production.yaml"));
        }
        for (int i = 0; i < sets.length; i += 2) {
            template = template.set(sets[i], sets[i + 1]);
        }
        String yaml = template.call();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) document;
                objects.add(object);
            }
        }
        return objects;
    }

    static List<Map<String, Object>> production() {
        return render(true, "image.digest", DIGEST, "backup.image.digest", DIGEST, "backup.s3.image.digest", DIGEST);
    }

    static Optional<Map<String, Object>> find(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).findFirst();
    }

    static Map<String, Object> get(List<Map<String, Object>> objects, String kind) {
        return find(objects, kind).orElseThrow(() -> new AssertionError("no " + kind + " rendered"));
    }

    /** The backend's ConfigMap (the other one holds the backup script). */
    static Map<String, Object> config(List<Map<String, Object>> objects) {
        return objects.stream().filter(o -> "ConfigMap".equals(o.get("kind")) && "echain".equals(at(o, "metadata.name")))
                .findFirst().orElseThrow();
    }

    static <T> T at(Object root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(part));
            } else {
                current = ((Map<String, Object>) current).get(part);
            }
            if (current == null) {
                return null;
            }
        }
        return (T) current;
    }

    static void assertLintsClean(Path chart) {
        LintResult result = new Helm(chart).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    /** Helm's values merge: maps are merged key by key, anything else (lists included) is replaced. */
    static void merge(Map<String, Object> target, Map<String, Object> overrides) {
        overrides.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map) {
                Object existing = target.get(key);
                Map<String, Object> into = existing instanceof Map<?, ?> m ? (Map<String, Object>) m
                        : new LinkedHashMap<>();
                merge(into, (Map<String, Object>) map);
                target.put(key, into);
            } else {
                target.put(key, value);
            }
        });
    }

    /**
     * A copy of the chart whose values.yaml is the defaults with these files and overrides merged over them: what
     * {@code helm lint -f values-production.yaml --set ...} checks (helm-java's lint takes no values file).
     */
    static Path chartWithValues(Map<String, Object> overrides, String... valuesFiles) throws IOException {
        Path copy = Files.createTempDirectory("echain-chart").resolve("echain");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Yaml yaml = new Yaml();
        Map<String, Object> values = yaml.load(Files.readString(CHART.resolve("values.yaml")));
        for (String file : valuesFiles) {
            merge(values, yaml.load(Files.readString(CHART.resolve(file))));
        }
        merge(values, overrides);
        Files.writeString(copy.resolve("values.yaml"), yaml.dump(values));
        return copy;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir.getParent())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void lintsCleanInStrictMode() {
        assertLintsClean(CHART);
    }

    @Test
    void lintsCleanInStrictModeWithTheProductionValues() throws IOException {
        Map<String, Object> digests = Map.of("image", Map.of("digest", DIGEST), "backup", Map.of("image",
                Map.of("digest", DIGEST), "s3", Map.of("image", Map.of("digest", DIGEST))));
        Path production = chartWithValues(digests, "values-production.yaml");
        try {
            assertLintsClean(production);
        } finally {
            deleteTree(production);
        }
        // The lint sees the merged values: a production value of the wrong shape (a CIDR list written as a string)
        // breaks the render. (Helm's lint mode ignores `fail`, so requireDigests cannot show it.)
        Map<String, Object> typo = Map.of("networkPolicy", Map.of("egress", Map.of("redisCidrs", "10.20.1.0/24")));
        Path broken = chartWithValues(typo, "values-production.yaml");
        try {
            LintResult result = new Helm(broken).lint().strict().call();
            assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isTrue();
            assertThat(String.join("\n", result.getMessages())).contains("[ERROR]", "redisCidrs");
        } finally {
            deleteTree(broken);
        }
    }

    @Test
    void everyObjectOfTheDefaultAndProductionValuesMatchesTheKubernetesSchema() {
        for (List<Map<String, Object>> objects : List.of(render(false), production(),
                render(false, "ingress.enabled", "true", "ingress.tlsSecretName", "tls", "autoscaling.enabled", "true",
                        "serviceMonitor.enabled", "true", "backup.destination", "s3", "backup.s3.bucket", "b"))) {
            List<String> errors = new ArrayList<>();
            objects.forEach(o -> errors.addAll(KubernetesSchema.errors(o)));
            assertThat(errors).isEmpty();
        }
        assertThat(production()).extracting(o -> o.get("kind")).contains("Deployment", "Service", "ConfigMap",
                "ServiceAccount", "Ingress", "NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler",
                "ServiceMonitor", "CronJob", "ConfigMap");
    }

    @Test
    void theSchemaCheckRejectsUnknownFieldsWrongTypesAndMissingFields() {
        Map<String, Object> deployment = get(render(false), "Deployment");
        Map<String, Object> container = at(deployment, "spec.template.spec.containers.0");
        container.put("livenessProbes", Map.of());
        assertThat(KubernetesSchema.errors(deployment)).anyMatch(e -> e.contains("livenessProbes"));
        container.remove("livenessProbes");
        Map<String, Object> port = at(container, "ports.0");
        port.put("containerPort", "8080");
        assertThat(KubernetesSchema.errors(deployment)).anyMatch(e -> e.contains("containerPort"));
        port.put("containerPort", 8080);
        container.remove("name");
        assertThat(KubernetesSchema.errors(deployment)).anyMatch(e -> e.contains("name"));

        Map<String, Object> monitor = get(production(), "ServiceMonitor");
        Map<String, Object> endpoint = at(monitor, "spec.endpoints.0");
        endpoint.put("scrapeEvery", "15s");
        assertThat(KubernetesSchema.errors(monitor)).anyMatch(e -> e.contains("scrapeEvery"));
    }

    @Test
    void probesHitActuatorOnTheManagementPortWhichTheIngressNeverRoutes() {
        List<Map<String, Object>> objects = production();
        Map<String, Object> container = at(get(objects, "Deployment"), "spec.template.spec.containers.0");
        assertThat((String) at(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        assertThat((Object) at(container, "readinessProbe.httpGet.port")).isEqualTo("management");
        assertThat((Integer) at(container, "startupProbe.failureThreshold")
                * (Integer) at(container, "startupProbe.periodSeconds")).isGreaterThanOrEqualTo(120);
        Map<String, Object> config = at(config(objects), "data");
        assertThat(config).containsEntry("MANAGEMENT_SERVER_PORT", "8081").containsEntry("PORT", "8080");
        assertThat((Object) at(get(objects, "Ingress"), "spec.rules.0.http.paths.0.backend.service.port.name"))
                .isEqualTo("http");
    }

    @Test
    void releasesRollWithoutLosingCapacityAndPodsLeaveGracefully() {
        List<Map<String, Object>> objects = production();
        Map<String, Object> deployment = get(objects, "Deployment");
        assertThat((Object) at(deployment, "spec.strategy.rollingUpdate.maxUnavailable")).isEqualTo(0);
        assertThat((Object) at(deployment, "spec.replicas")).as("the HPA owns the replica count").isNull();
        Map<String, Object> pod = at(deployment, "spec.template.spec");
        int preStop = at(pod, "containers.0.lifecycle.preStop.sleep.seconds");
        int grace = at(pod, "terminationGracePeriodSeconds");
        String shutdown = at(config(objects), "data.SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE");
        assertThat(preStop).isPositive();
        assertThat(grace).isGreaterThan(preStop + Integer.parseInt(shutdown.replace("s", "")));
        assertThat((Integer) at(get(objects, "PodDisruptionBudget"), "spec.minAvailable")).isEqualTo(2);
        assertThat((Integer) at(get(objects, "HorizontalPodAutoscaler"), "spec.minReplicas")).isGreaterThan(2);
        assertThat((Object) at(get(render(false), "Deployment"), "spec.replicas")).isEqualTo(2);
        assertThat(find(render(false), "HorizontalPodAutoscaler")).isEmpty();
        assertThat(find(render(false), "Ingress")).isEmpty();
        assertThat(find(render(false), "ServiceMonitor")).isEmpty();
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootFilesystem() {
        Map<String, Object> pod = at(get(render(false), "Deployment"), "spec.template.spec");
        assertThat((Boolean) at(pod, "securityContext.runAsNonRoot")).isTrue();
        assertThat((Boolean) at(pod, "containers.0.securityContext.readOnlyRootFilesystem")).isTrue();
        assertThat((Boolean) at(pod, "containers.0.securityContext.allowPrivilegeEscalation")).isFalse();
        assertThat((Object) at(pod, "containers.0.resources.limits.memory")).isNotNull();
        assertThat((Object) at(pod, "containers.0.resources.requests.cpu")).isNotNull();
    }

    @Test
    void neverHoldsASecretOnlyReferencesOne() {
        for (List<Map<String, Object>> objects : List.of(render(false), production())) {
            assertThat(objects).extracting(o -> o.get("kind")).doesNotContain("Secret");
            List<Map<String, Object>> envFrom = at(get(objects, "Deployment"), "spec.template.spec.containers.0.envFrom");
            assertThat(envFrom).anyMatch(e -> e.containsKey("secretRef"));
            Map<String, Object> config = at(config(objects), "data");
            assertThat(config.keySet()).doesNotContain("ECHAIN_DB_PASSWORD", "ECHAIN_JWT_SECRET", "ECHAIN_OPERATOR_KEY",
                    "ECHAIN_RPC_URL");
        }
        assertThat((Object) at(get(production(), "Deployment"), "spec.template.spec.containers.0.envFrom.1.secretRef.name"))
                .isEqualTo("echain-production");
    }

    /** GET /api/chain publishes ECHAIN_PUBLIC_RPC_URL; without it the web app has no RPC URL for the chain. */
    @Test
    void givesWalletsThePublicRpcUrlOfTheConfiguredChain() {
        Map<String, Object> sepolia = at(config(render(false)), "data");
        assertThat(sepolia).containsEntry("ECHAIN_CHAIN_ID", "84532")
                .containsEntry("ECHAIN_PUBLIC_RPC_URL", "https://sepolia.base.org");
        Map<String, Object> mainnet = at(config(production()), "data");
        assertThat(mainnet).containsEntry("ECHAIN_CHAIN_ID", "8453")
                .containsEntry("ECHAIN_PUBLIC_RPC_URL", "https://mainnet.base.org");
    }

    @Test
    void productionRefusesAnImageThatIsNotPinnedByDigest() {
        assertThatThrownBy(() -> render(true)).hasMessageContaining("image has no digest");
        assertThat((String) at(get(production(), "Deployment"), "spec.template.spec.containers.0.image"))
                .isEqualTo("ghcr.io/echain/echain-backend@" + DIGEST);
        assertThat((String) at(get(render(false), "Deployment"), "spec.template.spec.containers.0.image"))
                .isEqualTo("ghcr.io/echain/echain-backend:0.1.0-SNAPSHOT");
    }

    @Test
    void networkPolicyAdmitsOnlyTheIngressControllerAndPrometheus() {
        Map<String, Object> policy = get(production(), "NetworkPolicy");
        assertThat((List<String>) at(policy, "spec.policyTypes")).containsExactly("Ingress", "Egress");
        Map<String, String> labels = at(policy, "spec.ingress.0.from.0.namespaceSelector.matchLabels");
        assertThat(labels).containsEntry("kubernetes.io/metadata.name", "ingress-nginx");
        Map<String, String> monitoring = at(policy, "spec.ingress.1.from.0.namespaceSelector.matchLabels");
        assertThat(monitoring).containsEntry("kubernetes.io/metadata.name", "monitoring");
        List<Map<String, Object>> egress = at(policy, "spec.egress");
        assertThat(egress).extracting(e -> at(e, "ports.0.port")).contains(53, 5432, 6379, 443);
    }

    /** Rule of the NetworkPolicy's egress that opens the given port, if any. */
    static Optional<Map<String, Object>> egressTo(List<Map<String, Object>> objects, int port) {
        List<Map<String, Object>> egress = at(get(objects, "NetworkPolicy"), "spec.egress");
        return egress.stream().filter(e -> ((List<Map<String, Object>>) e.get("ports")).stream()
                .anyMatch(p -> Integer.valueOf(port).equals(p.get("port")))).findFirst();
    }

    @Test
    void defaultNetworkPolicyLetsThePodsReachRedisAsWellAsTheDatabase() {
        // The guide's Secret sets ECHAIN_REDIS_URL; without egress to it sign-in and writes fail, probes stay green.
        List<Map<String, Object>> defaults = render(false);
        Map<String, Object> redis = egressTo(defaults, 6379).orElseThrow(() -> new AssertionError("no Redis egress"));
        assertThat((String) at(redis, "to.0.ipBlock.cidr")).isEqualTo("0.0.0.0/0");
        assertThat(egressTo(defaults, 5432)).isPresent();
        assertThat(egressTo(defaults, 443)).isPresent();
        assertThat((String) at(egressTo(production(), 6379).orElseThrow(), "to.0.ipBlock.cidr"))
                .isEqualTo("10.20.1.0/24");
        assertThat(egressTo(render(false, "networkPolicy.egress.redisPort", "6380"), 6380)).isPresent();
        assertThat(egressTo(render(false, "networkPolicy.egress.redisCidrs", "null"), 6379))
                .as("no Redis CIDRs: a release without Redis").isEmpty();
    }

    @Test
    void backupCronJobDumpsToAVolumeOrToObjectStorage() {
        Map<String, Object> volumeJob = get(render(false), "CronJob");
        Map<String, Object> pod = at(volumeJob, "spec.jobTemplate.spec.template.spec");
        assertThat((String) at(pod, "containers.0.command.1")).isEqualTo("/scripts/backup.sh");
        assertThat((Object) at(pod, "volumes.1.persistentVolumeClaim.claimName")).isEqualTo("echain-backup");
        assertThat(find(render(false), "PersistentVolumeClaim")).isPresent();
        assertThat((Object) at(volumeJob, "spec.concurrencyPolicy")).isEqualTo("Forbid");

        List<Map<String, Object>> production = production();
        Map<String, Object> s3Pod = at(get(production, "CronJob"), "spec.jobTemplate.spec.template.spec");
        assertThat((String) at(s3Pod, "initContainers.0.name")).isEqualTo("pg-dump");
        assertThat((String) at(s3Pod, "containers.0.name")).isEqualTo("upload");
        assertThat((String) at(s3Pod, "containers.0.env.0.value")).isEqualTo("echain-production-backups");
        assertThat(find(production, "PersistentVolumeClaim")).isEmpty();
        // The backup pods are not the backend's: the Service and the PDB do not select them.
        Map<String, String> podLabels = at(get(production, "CronJob"), "spec.jobTemplate.spec.template.metadata.labels");
        Map<String, String> selector = at(get(production, "Service"), "spec.selector");
        assertThat(podLabels.entrySet().containsAll(selector.entrySet())).isFalse();
        Map<String, Object> scripts = production.stream().filter(o -> "ConfigMap".equals(o.get("kind")))
                .map(o -> (Map<String, Object>) o.get("data")).filter(d -> d.containsKey("backup.sh")).findFirst()
                .orElseThrow();
        assertThat((String) scripts.get("backup.sh")).contains("pg_dump").contains("--format=custom");
    }
}
