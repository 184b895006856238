// The cluster benchmark (not a test; bench/cluster/run.sh runs it with the backend's test class path): one
// PostgreSQL, one Redis and one Anvil (1-second blocks); backend instances as separate processes with production
// settings behind a local HAProxy (round robin). Measures the mixed load through one instance and through two,
// the staleness of the other instance's cached reads after a write, and the leader failover after SIGKILL.
import io.echain.chain.ChainProperties;
import io.echain.dev.internal.ClusterChain;
import io.echain.dev.EmbeddedPostgres;
import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import io.echain.support.BackendProcess;
import io.echain.support.EmbeddedRedis;
import io.echain.support.SiweMessages;
import io.echain.support.Wallet;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.web3j.protocol.core.DefaultBlockParameterName;

public class ClusterBench {

    static final int DURATION = Integer.parseInt(env("DURATION", "30"));
    static final int WARMUP = Integer.parseInt(env("WARMUP", "10"));
    static final int CONNECTIONS = Integer.parseInt(env("CONNECTIONS", "64"));
    static final int EVENTS = Integer.parseInt(env("EVENTS", "2000"));
    static final int FAILOVERS = Integer.parseInt(env("FAILOVERS", "3"));
    static final String HAPROXY = env("HAPROXY", "haproxy");
    static final Path ROOT = Path.of(env("ROOT", ".")).toAbsolutePath();
    static final List<String> JVM = List.of(env("BENCH_JAVA_OPTS", "-Xms512m -Xmx512m").split(" "));
    static final Instant STARTS = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    static Path work;
    static String jdbcUrl;
    static String dbUser;
    static String dbPassword;
    static ClusterChain.Node chain;
    static String adminToken;
    static final List<String> report = new ArrayList<>();
    /** HTTP requests the staleness probe made (they cost CPU too). */
    static final java.util.concurrent.atomic.AtomicLong probeRequests = new java.util.concurrent.atomic.AtomicLong();
    /** Per probe: when the last read that still saw the old value started (the eviction came after it). */
    static final List<Long> staleLowerBounds = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        work = Files.createTempDirectory("echain-cluster-bench");
        EmbeddedPostgres.Server pg = EmbeddedPostgres.start(work.resolve("pg"), 0);
        jdbcUrl = pg.jdbcUrl();
        dbUser = pg.username();
        dbPassword = pg.password();
        chain = ClusterChain.start(SiweMessages.CHAIN_ID, 1);
        System.out.println("PostgreSQL " + jdbcUrl + ", Redis " + EmbeddedRedis.url() + ", Anvil " + chain.rpcUrl());

        BackendProcess a = BackendProcess.start("a", JVM, environment(), "--echain.chain.poll-interval=200ms").awaitReady(Duration.ofMinutes(3));
        await(Duration.ofSeconds(30), () -> a.leads("indexer") && a.leads("outbox"));
        BackendProcess b = BackendProcess.start("b", JVM, environment(), "--echain.chain.poll-interval=200ms").awaitReady(Duration.ofMinutes(3));
        List<BackendProcess> instances = new ArrayList<>(List.of(a, b));
        try {
            load();
            adminToken = signIn(a.api(), Wallet.ADMIN);
            String organizer = organizer(a.api());
            List<Long> chainEvents = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                chainEvents.add(create(a.api(), organizer, "On chain " + i));
            }
            await(Duration.ofSeconds(120), () -> confirmed(chainEvents));
            System.out.printf("Loaded %d events, %d on chain; load average %s%n", EVENTS, chainEvents.size(), loadAverage());

            Map<String, String> one = mixed("one instance", List.of(a), organizer, chainEvents, null);
            long probe = create(a.api(), organizer, "Staleness probe");
            List<Long> staleness = Collections.synchronizedList(new ArrayList<>());
            Map<String, String> two = mixed("two instances", List.of(a, b), organizer, chainEvents,
                    stop -> probeStaleness(a, b, organizer, probe, staleness, stop));
            report.add(String.format("| throughput (mixed) | %s req/s | %s req/s | %.2f |", one.get("rps"), two.get("rps"),
                    Double.parseDouble(two.get("rps")) / Double.parseDouble(one.get("rps"))));
            report.add(String.format("| p50 / p99 | %s / %s ms | %s / %s ms | |", one.get("p50"), one.get("p99"),
                    two.get("p50"), two.get("p99")));
            report.add(String.format("| non-2xx answers | %s | %s | |", one.get("errors"), two.get("errors")));
            report.add(String.format("| CPU per request (backends + PostgreSQL) | %s ms | %s ms | %.2f |", one.get("cpu"),
                    two.get("cpu"), Double.parseDouble(two.get("cpu")) / Double.parseDouble(one.get("cpu"))));
            report.add(String.format("| throughput that CPU cost allows on 2 dedicated cores | %s req/s | %s req/s | |",
                    one.get("ceiling"), two.get("ceiling")));
            List<Long> sorted = new ArrayList<>(staleness);
            Collections.sort(sorted);
            report.add(String.format("| staleness after a write (other instance, under load), %d samples: until the first fresh read returned | | median %d ms, p99 %d ms, max %d ms | |",
                    sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1)));
            List<Long> lower = new ArrayList<>(staleLowerBounds);
            Collections.sort(lower);
            report.add(String.format("| the same, until the last stale read started (the eviction lies between) | | median %d ms, p99 %d ms, max %d ms | |",
                    percentile(lower, 50), percentile(lower, 99), lower.get(lower.size() - 1)));

            failovers(instances, organizer, chainEvents);
        } finally {
            instances.forEach(BackendProcess::close);
        }
        System.out.println();
        System.out.println("| figure | one instance | two instances | ratio |");
        System.out.println("| --- | --- | --- | --- |");
        report.forEach(System.out::println);
        System.exit(0);
    }

    // ---- load ------------------------------------------------------------------------------------------------

    static Map<String, String> mixed(String name, List<BackendProcess> backends, String organizer, List<Long> chainEvents,
            java.util.function.Consumer<AtomicBoolean> alongside) throws Exception {
        int proxyPort = freePort();
        Path config = work.resolve("haproxy-" + backends.size() + ".cfg");
        StringBuilder servers = new StringBuilder();
        for (BackendProcess backend : backends) {
            servers.append("  server ").append(backend.name()).append(" 127.0.0.1:").append(backend.port()).append("\n");
        }
        Files.writeString(config, """
                global
                  maxconn 8192
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 30s
                  timeout server 30s
                  option http-keep-alive
                  http-reuse always
                frontend api
                  bind 127.0.0.1:%d
                  default_backend echain
                backend echain
                  balance roundrobin
                %s""".formatted(proxyPort, servers));
        Process haproxy = new ProcessBuilder(HAPROXY, "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile()).start();
        try {
            Thread.sleep(500);
            // Each run gets its own pre-signed messages: a nonce is single use.
            Path warmupSignins = presign(backends.get(0).api(), WARMUP * 150);
            Path signins = presign(backends.get(0).api(), DURATION * 150);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("EVENTS", Integer.toString(EVENTS));
            env.put("CHAIN_EVENTS", chainEvents.stream().map(String::valueOf).collect(Collectors.joining(",")));
            env.put("ORGANIZER_TOKEN", organizer);
            env.put("SIGNINS", signins.toString());
            env.put("STARTS_AT", STARTS.toString());
            env.put("ENDS_AT", STARTS.plus(3, ChronoUnit.HOURS).toString());
            env.put("WRK_THREADS", "2");
            String url = "http://127.0.0.1:" + proxyPort;
            Map<String, String> warmup = new LinkedHashMap<>(env);
            warmup.put("SIGNINS", warmupSignins.toString());
            wrk(warmup, url, WARMUP);
            AtomicBoolean stop = new AtomicBoolean();
            Thread side = alongside == null ? null : Thread.ofPlatform().start(() -> alongside.accept(stop));
            long cpuBefore = cpuMs(backends);
            long probesBefore = probeRequests.get();
            String out = wrk(env, url, DURATION);
            long cpuAfter = cpuMs(backends);
            stop.set(true);
            if (side != null) {
                side.join();
            }
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("rps", find(out, "Requests/sec:\\s+([0-9.]+)", "0").replaceAll("\\..*", ""));
            figures.put("p50", toMs(find(out, "\\s50%\\s+(\\S+)", "?")));
            figures.put("p99", toMs(find(out, "\\s99%\\s+(\\S+)", "?")));
            figures.put("errors", find(out, "Non-2xx or 3xx responses:\\s+(\\d+)", "0") + " of "
                    + find(out, "(\\d+) requests in", "?"));
            double cost = (cpuAfter - cpuBefore) / (Double.parseDouble(find(out, "(\\d+) requests in", "1"))
                    + probeRequests.get() - probesBefore);
            figures.put("cpu", String.format("%.2f", cost));
            figures.put("ceiling", String.format("%.0f", 2000 / cost));
            out.lines().filter(l -> l.startsWith("non-2xx:")).forEach(l -> System.out.println("  " + l));
            System.out.printf("%s: %s req/s, p50 %s ms, p99 %s ms, non-2xx %s, CPU %s ms/request (load average %s)%n",
                    name, figures.get("rps"), figures.get("p50"), figures.get("p99"), figures.get("errors"),
                    figures.get("cpu"), loadAverage());
            return figures;
        } finally {
            haproxy.destroy();
            haproxy.waitFor();
        }
    }

    static String wrk(Map<String, String> env, String url, int seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency",
                "--timeout", "5s", "-s", ROOT.resolve("bench/cluster/mixed.lua").toString(), url).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    /** Sign-in verifications for wrk: a fresh nonce each, signed by a new wallet, as JSON bodies, one per line. */
    static Path presign(Api api, int count) throws IOException {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Wallet wallet = Wallet.random();
            String nonce = api.call("POST", "/api/auth/nonce").send().json().get("nonce").asString();
            String message = SiweMessages.valid(wallet, nonce).text();
            lines.add(Api.JSON.writeValueAsString(Map.of("message", message, "signature", wallet.sign(message))));
        }
        Path file = Files.createTempFile(work, "signins", ".jsonl");
        Files.write(file, lines);
        return file;
    }

    /** Alternately writes on one instance and reads on the other until the change shows there; ms per sample. */
    static void probeStaleness(BackendProcess a, BackendProcess b, String organizer, long event, List<Long> samples,
            AtomicBoolean stop) {
        int n = 0;
        while (!stop.get()) {
            BackendProcess writer = n % 2 == 0 ? a : b;
            BackendProcess reader = n % 2 == 0 ? b : a;
            reader.api().get("/api/events/" + event);
            reader.api().get("/api/events/" + event); // cached now
            probeRequests.addAndGet(3);
            String name = "Probe " + n;
            Api.Response written = writer.api().call("PUT", "/api/events/" + event).token(organizer).header("If-Match", "*")
                    .json(body(name)).send();
            long at = System.nanoTime();
            if (written.status() != 200) {
                throw new IllegalStateException("probe write failed: " + written);
            }
            long lastStaleStart = at;
            while (true) {
                long start = System.nanoTime();
                probeRequests.incrementAndGet();
                if (name.equals(reader.api().get("/api/events/" + event).json().get("name").asString())) {
                    break;
                }
                lastStaleStart = start;
                if (System.nanoTime() - at > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("the change never showed on " + reader.name());
                }
            }
            samples.add((System.nanoTime() - at) / 1_000_000);
            staleLowerBounds.add((lastStaleStart - at) / 1_000_000);
            n++;
            sleep(20);
        }
    }

    // ---- failover ----------------------------------------------------------------------------------------------

    static void failovers(List<BackendProcess> instances, String organizer, List<Long> chainEvents) throws Exception {
        AnvilRpc anvil = new AnvilRpc(new ChainProperties(URI.create(chain.rpcUrl()), chain.chainId(), chain.ticketNft(),
                chain.paymentProcessor(), chain.deploymentBlock(), chain.operatorKey(), 3, Duration.ofSeconds(1),
                Duration.ofSeconds(10), true, null, new ChainProperties.Wallet("", "", "")));
        List<Long> takeovers = new ArrayList<>();
        List<Long> firstSends = new ArrayList<>();
        List<String> purchases = new ArrayList<>();
        int buyer = 1;
        for (int round = 0; round < FAILOVERS; round++) {
            BackendProcess leader = instances.stream().filter(i -> i.leads("outbox")).findFirst().orElseThrow();
            BackendProcess survivor = instances.stream().filter(i -> i != leader).findFirst().orElseThrow();
            await(Duration.ofSeconds(60), () -> quietly("select count(*) from chain_commands where status in ('PENDING','SENT','MINED')") == 0);
            List<Long> pending = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                pending.add(create(survivor.api(), organizer, "Failover " + round + "." + i));
            }
            purchases.add(anvil.purchase(AnvilRpc.key(1 + buyer++ % 8), chainEvents.get(round), 1));
            leader.kill();
            long killed = System.nanoTime();
            Instant killedAt = Instant.now();
            purchases.add(anvil.purchase(AnvilRpc.key(1 + buyer++ % 8), chainEvents.get(round), 1));
            // Work that arrives while nobody sends: it waits for the takeover.
            List<Long> afterKill = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                afterKill.add(create(survivor.api(), organizer, "After kill " + round + "." + i));
            }
            await(Duration.ofSeconds(60), () -> survivor.leads("outbox") && survivor.leads("indexer"));
            long takeover = (System.nanoTime() - killed) / 1_000_000;
            pending.addAll(afterKill);
            await(Duration.ofSeconds(120), () -> confirmed(pending));
            long firstSend = single("select (min(extract(epoch from sent_at)) * 1000)::bigint from chain_commands where event_id in ("
                    + afterKill.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")") - killedAt.toEpochMilli();
            takeovers.add(takeover);
            firstSends.add(Math.max(0, firstSend));
            System.out.printf("Failover %d: %s killed; %s leads both jobs after %d ms, first transaction sent %d ms after the kill%n",
                    round + 1, leader.name(), survivor.name(), takeover, firstSend);
            // The killed instance comes back as a follower.
            BackendProcess restarted = BackendProcess.start(leader.name(), JVM, environment(), "--echain.chain.poll-interval=200ms")
                    .awaitReady(Duration.ofMinutes(3));
            instances.set(instances.indexOf(leader), restarted);
        }
        long last = purchases.stream().mapToLong(h -> anvil.awaitReceipt(h, Duration.ofSeconds(30)).orElseThrow()
                .getBlockNumber().longValueExact()).max().orElseThrow();
        await(Duration.ofSeconds(60), () -> quietly("select block_number from indexer_cursor where id = 1") >= last);
        List<Long> nonces = longs("select nonce from chain_commands where nonce is not null order by nonce");
        long sent = anvil.web3j().ethGetTransactionCount(AnvilRpc.key(0).getAddress(), DefaultBlockParameterName.LATEST)
                .send().getTransactionCount().longValueExact();
        boolean contiguous = nonces.equals(java.util.stream.LongStream.range(0, nonces.size()).boxed().toList());
        long registrations = single("select count(*) from chain_commands where kind = 'REGISTER'");
        long events = single("select count(*) from events where id in (select event_id from chain_commands)");
        long indexed = single("select count(*) from payments where payment_id is not null and tx_hash in ("
                + purchases.stream().map(h -> "'" + h.toLowerCase() + "'").collect(Collectors.joining(",")) + ")");
        Collections.sort(takeovers);
        report.add(String.format("| leader takeover after SIGKILL (%d rounds) | | median %d ms, max %d ms | |", takeovers.size(),
                percentile(takeovers, 50), takeovers.get(takeovers.size() - 1)));
        Collections.sort(firstSends);
        report.add(String.format("| kill → first transaction of an event created after the kill | | median %d ms, max %d ms | |",
                percentile(firstSends, 50), firstSends.get(firstSends.size() - 1)));
        report.add(String.format("| nonces | | %d used, contiguous from 0: %s, operator transactions on chain: %d | |",
                nonces.size(), contiguous, sent));
        report.add(String.format("| registrations / events with commands | | %d / %d | |", registrations, events));
        report.add(String.format("| purchases around the kills indexed | | %d of %d | |", indexed, purchases.size()));
        anvil.close();
    }

    // ---- setup ---------------------------------------------------------------------------------------------------

    static Map<String, String> environment() {
        Map<String, String> env = BackendProcess.productionEnvironment(jdbcUrl, dbUser, dbPassword, EmbeddedRedis.url(),
                "cluster-benchmark-secret-shared-by-all-instances-0123456789", chain);
        for (String limit : List.of("SIGN_IN_PER_IP", "SIGN_IN_PER_USER", "WRITE_PER_IP", "WRITE_PER_USER")) {
            env.put("ECHAIN_RATE_" + limit, "100000000");
        }
        return env;
    }

    static void load() throws Exception {
        String sql = Files.readString(ROOT.resolve("bench/api/load.sql")).replace(":events", Integer.toString(EVENTS))
                .replaceAll("(?m)^\\\\set.*$", "");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                Statement statement = connection.createStatement()) {
            for (String part : sql.split(";\\s*\\n")) {
                String stripped = part.replaceAll("(?m)^--.*$", "").trim();
                if (!stripped.isEmpty()) {
                    statement.execute(stripped);
                }
            }
        }
    }

    static String signIn(Api api, Wallet wallet) {
        String nonce = api.call("POST", "/api/auth/nonce").send().json().get("nonce").asString();
        String message = SiweMessages.valid(wallet, nonce).text();
        return api.call("POST", "/api/auth/verify").json(Map.of("message", message, "signature", wallet.sign(message)))
                .send().json().get("accessToken").asString();
    }

    static String organizer(Api api) {
        Wallet wallet = Wallet.random();
        api.call("PUT", "/api/admin/organizers/" + wallet.address()).token(adminToken).send();
        return signIn(api, wallet);
    }

    static long create(Api api, String organizer, String name) {
        Api.Response created = api.call("POST", "/api/events").token(organizer).json(body(name)).send();
        if (created.status() != 201) {
            throw new IllegalStateException("create failed: " + created);
        }
        return created.json().get("id").asLong();
    }

    static Map<String, Object> body(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "Cluster benchmark.");
        body.put("location", "Berlin");
        body.put("startsAt", STARTS.toString());
        body.put("endsAt", STARTS.plus(3, ChronoUnit.HOURS).toString());
        body.put("priceWei", "1000000000000000");
        body.put("capacity", 1000);
        return body;
    }

    static boolean confirmed(List<Long> events) {
        return quietly("select count(*) from chain_commands where kind = 'REGISTER' and status = 'CONFIRMED' and event_id in ("
                + events.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")") == events.size();
    }

    // ---- small things --------------------------------------------------------------------------------------------

    static long single(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long quietly(String sql) {
        try {
            return single(sql);
        } catch (Exception e) {
            return -1;
        }
    }

    static List<Long> longs(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
        }
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String find(String text, String regex, String otherwise) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }

    static String toMs(String wrkTime) {
        if (wrkTime.endsWith("us")) {
            return String.format("%.2f", Double.parseDouble(wrkTime.replace("us", "")) / 1000);
        } else if (wrkTime.endsWith("ms")) {
            return wrkTime.replace("ms", "");
        } else if (wrkTime.endsWith("s")) {
            return String.format("%.0f", Double.parseDouble(wrkTime.replace("s", "")) * 1000);
        }
        return wrkTime;
    }

    /**
     * CPU time (user + system, ms) used so far by the backend processes and by every PostgreSQL process of this
     * run (the postmaster also holds its exited backends' time): divided by the requests served, a cost per request
     * that does not depend on what else the shared machine is doing.
     */
    static long cpuMs(List<BackendProcess> backends) {
        String pgDir = work.resolve("pg").toString();
        List<Long> pids = new ArrayList<>(backends.stream().map(BackendProcess::pid).toList());
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(pgDir)).orElse(false))
                .forEach(p -> {
                    pids.add(p.pid());
                    p.children().forEach(c -> pids.add(c.pid()));
                });
        long ticks = 0;
        for (long pid : pids.stream().distinct().toList()) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields from state (3rd in the file): utime 14, stime 15, cutime 16, cstime 17 → indexes 11..14 here
                for (int i = 11; i <= 14; i++) {
                    ticks += Long.parseLong(fields[i]);
                }
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static void await(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
