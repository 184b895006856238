package io.echain.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * scripts/production-setup.sh against a real PostgreSQL and a local chain with Base Sepolia's chain id: a correct
 * environment passes, and each kind of mistake is named in words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionSetupTest {

    Postgres postgres;
    LocalChain chain;
    String operatorKey;
    String operator;

    record Result(int exit, String output) {
    }

    @BeforeAll
    void start() throws Exception {
        postgres = Postgres.start();
        chain = LocalChain.start(84532);
        operatorKey = "0x" + HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        operator = ImageTest.exec(List.of(LocalChain.tool("cast").toString(), "wallet", "address", "--private-key",
                operatorKey)).trim();
        chain.rpc("anvil_setBalance", "[\"" + operator + "\",\"0xDE0B6B3A7640000\"]");
        chain.deploy(operator);
    }

    @AfterAll
    void stop() throws Exception {
        chain.close();
        postgres.close();
    }

    Map<String, String> good() {
        Map<String, String> env = new HashMap<>(chain.backendEnvironment());
        // The same node under another name: the public URL is not the (keyed, in production) ECHAIN_RPC_URL.
        env.put("ECHAIN_PUBLIC_RPC_URL", chain.rpcUrl.replace("127.0.0.1", "localhost"));
        env.putAll(Map.of("ECHAIN_OPERATOR_KEY", operatorKey, "ECHAIN_DB_URL", postgres.jdbcUrl(),
                "ECHAIN_DB_USERNAME", "postgres", "ECHAIN_DB_PASSWORD", "postgres",
                "ECHAIN_JWT_SECRET", "Zr4+q9PXw0mJ7TnE2vYbKc8uHsLd1aFg6oQiRzVxNtBy",
                "ECHAIN_ADMIN_ADDRESSES", LocalChain.ADDRESS0 + ", 0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                "ECHAIN_SIWE_DOMAIN", "sepolia.echain.example", "ECHAIN_SIWE_URI", "https://sepolia.echain.example"));
        return env;
    }

    Result run(Map<String, String> env, String... args) throws Exception {
        Path log = Files.createTempFile("production-setup", ".log");
        List<String> command = new java.util.ArrayList<>(List.of("bash",
                Repo.path("scripts/production-setup.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ECHAIN_"));
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        String out = Files.readString(log);
        Files.delete(log);
        return new Result(exit, out);
    }

    @Test
    void passesACorrectEnvironmentReadFromAnEnvFile() throws Exception {
        Path file = Files.createTempFile("target", ".env");
        Files.writeString(file, "# Base Sepolia\n" + good().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")) + "\n");
        Result result = run(Map.of(), "--env-file", file.toString());
        Files.delete(file);
        assertThat(result.output()).contains("all checks passed", "the RPC node is on chain 84532",
                "EventTicketNFT's minter is the PaymentProcessor", "has the operator role", "PostgreSQL 15",
                "the public RPC URL is on chain 84532").doesNotContain("FAIL");
        assertThat(result.exit()).isZero();
    }

    @Test
    void namesEveryMistakeInWords() throws Exception {
        Map<String, String> env = good();
        env.put("ECHAIN_CHAIN_ID", "8453");
        env.put("ECHAIN_JWT_SECRET", "changeme-changeme-changeme-changeme");
        env.put("ECHAIN_ADMIN_ADDRESSES", "0x1234");
        env.put("ECHAIN_SIWE_DOMAIN", "echain.example");
        env.put("ECHAIN_PAYMENT_PROCESSOR", "0x000000000000000000000000000000000000dEaD");
        env.put("ECHAIN_DB_USERNAME", "nobody");
        Result result = run(env);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains(
                "the RPC node is on chain 84532, but ECHAIN_CHAIN_ID is '8453'",
                "ECHAIN_JWT_SECRET uses only",
                "ECHAIN_ADMIN_ADDRESSES has entries that are not addresses: '0x1234'",
                "ECHAIN_SIWE_DOMAIN 'echain.example' is not the host of ECHAIN_SIWE_URI",
                "ECHAIN_PAYMENT_PROCESSOR 0x000000000000000000000000000000000000dEaD holds no contract code",
                "not one deployment",
                "cannot connect to PostgreSQL",
                "problem(s)");
        env = good();
        env.put("ECHAIN_JWT_SECRET", "Zr4+q9PXw0mJ7Tn");
        assertThat(run(env).output()).contains("ECHAIN_JWT_SECRET is 15 bytes; it must be at least 32");
        env.put("ECHAIN_JWT_SECRET", "a-Secret-Kept-In-The-Repo-For-Everyone-To-Read");
        assertThat(run(env).output()).contains("looks like a placeholder");
    }

    @Test
    void refusesMissingSettingsAPublicKeyAndAnOperatorThatCannotAct() throws Exception {
        Map<String, String> env = good();
        env.remove("ECHAIN_RPC_URL");
        env.remove("ECHAIN_JWT_SECRET");
        Result missing = run(env, "--skip-db");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.output()).contains("not set: ECHAIN_JWT_SECRET ECHAIN_RPC_URL", "database not checked");

        env = good();
        env.put("ECHAIN_OPERATOR_KEY", LocalChain.KEY0);
        assertThat(run(env).output()).contains("one of Anvil's public development keys");

        env = good();
        env.put("ECHAIN_OPERATOR_KEY", "0x" + HexFormat.of().formatHex(new SecureRandom().generateSeed(32)));
        Result stranger = run(env);
        assertThat(stranger.output()).contains("has no ETH", "lacks the operator role");
        assertThat(stranger.exit()).isEqualTo(1);

        env = good();
        env.put("ECHAIN_RPC_URL", "http://127.0.0.1:" + LocalChain.freePort() + "/v2/secret-api-key");
        Result down = run(env);
        assertThat(down.output()).contains("does not answer eth_chainId").doesNotContain("secret-api-key");
    }

    /** Without ECHAIN_PUBLIC_RPC_URL the backend publishes no RPC URL (never the keyed ECHAIN_RPC_URL). */
    @Test
    void refusesAMissingPublicRpcUrlOneOnAnotherChainAndWarnsWhenItIsTheKeyedOne() throws Exception {
        Map<String, String> env = good();
        env.remove("ECHAIN_PUBLIC_RPC_URL");
        Result missing = run(env, "--skip-db");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.output()).contains("not set: ECHAIN_PUBLIC_RPC_URL",
                "the backend never publishes ECHAIN_RPC_URL", "https://sepolia.base.org");

        try (LocalChain mainnet = LocalChain.start(8453)) {
            env = good();
            env.put("ECHAIN_PUBLIC_RPC_URL", mainnet.rpcUrl);
            Result otherChain = run(env, "--skip-db");
            assertThat(otherChain.exit()).isEqualTo(1);
            assertThat(otherChain.output()).contains("the public RPC URL is on chain 8453, but ECHAIN_CHAIN_ID is '84532'");
        }

        env = good();
        env.put("ECHAIN_PUBLIC_RPC_URL", "ftp://wallets.example/rpc");
        assertThat(run(env, "--skip-db").output()).contains("ECHAIN_PUBLIC_RPC_URL must be an https URL");

        env = good();
        env.put("ECHAIN_PUBLIC_RPC_URL", env.get("ECHAIN_RPC_URL"));
        Result same = run(env, "--skip-db");
        assertThat(same.output()).contains("ECHAIN_PUBLIC_RPC_URL is ECHAIN_RPC_URL: every visitor sees it")
                .doesNotContain("FAIL");
        assertThat(same.exit()).isZero();
    }
}
