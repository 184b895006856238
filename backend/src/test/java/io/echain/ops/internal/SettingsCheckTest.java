package io.echain.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.echain.EchainApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The backend refuses to start on settings that cannot work, before it touches the database or the node, and the
 * message names each variable: the real application is started with production settings (no profile) minus one.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsCheckTest {

    private static final Map<String, String> VALID = Map.of(
            "spring.datasource.url",
            "jdbc:postgresql://127.0.0.1:1/echain",
            "echain.identity.jwt-secret",
            "a-production-secret-of-more-than-32-bytes-0123456789",
            "echain.identity.admin-addresses",
            "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            "echain.chain.rpc-url",
            "http://127.0.0.1:1",
            "echain.chain.chain-id",
            "8453",
            "echain.chain.ticket-nft",
            "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            "echain.chain.payment-processor",
            "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");

    @Test
    void acceptsCompleteSettings() {
        assertThat(check(VALID).problems()).isEmpty();
    }

    @Test
    void refusesAMissingDatabaseUrl(CapturedOutput output) {
        assertRefused(without("spring.datasource.url"), "ECHAIN_DB_URL", output);
    }

    @Test
    void refusesADatabaseUrlThatIsNotPostgresql(CapturedOutput output) {
        assertRefused(with("spring.datasource.url", "postgres://db/echain"), "ECHAIN_DB_URL", output);
    }

    @Test
    void refusesAMissingOrShortJwtSecret(CapturedOutput output) {
        assertRefused(without("echain.identity.jwt-secret"), "ECHAIN_JWT_SECRET", output);
        assertRefused(with("echain.identity.jwt-secret", "too-short"), "ECHAIN_JWT_SECRET", output);
    }

    @Test
    void refusesNoAdminAddresses(CapturedOutput output) {
        assertRefused(without("echain.identity.admin-addresses"), "ECHAIN_ADMIN_ADDRESSES", output);
        assertRefused(with("echain.identity.admin-addresses", "0x1234"), "ECHAIN_ADMIN_ADDRESSES", output);
    }

    @Test
    void refusesMissingChainSettings(CapturedOutput output) {
        assertRefused(without("echain.chain.rpc-url"), "ECHAIN_RPC_URL", output);
        assertRefused(without("echain.chain.ticket-nft"), "ECHAIN_TICKET_NFT", output);
        assertRefused(with("echain.chain.payment-processor", "0xnot-an-address"), "ECHAIN_PAYMENT_PROCESSOR", output);
        assertRefused(with("echain.chain.operator-key", "0xdeadbeef"), "ECHAIN_OPERATOR_KEY", output);
    }

    @Test
    void namesEveryProblemAtOnceAndNeverPrintsTheOperatorKey() {
        Map<String, String> settings = new LinkedHashMap<>(VALID);
        settings.remove("spring.datasource.url");
        settings.remove("echain.identity.admin-addresses");
        settings.put("echain.chain.operator-key", "0xsecret-looking-value");
        List<String> problems = check(settings).problems();
        assertThat(String.join("\n", problems))
                .contains("ECHAIN_DB_URL", "ECHAIN_ADMIN_ADDRESSES", "ECHAIN_OPERATOR_KEY")
                .doesNotContain("secret-looking");
    }

    private static void assertRefused(Map<String, String> settings, String variable, CapturedOutput output) {
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--logging.level.root=warn");
        SpringApplication application = new SpringApplication(EchainApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        Throwable failure = catchThrowable(() -> application.run(args.toArray(String[]::new)));
        assertThat(failure).as("refused to start").isNotNull();
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof SettingsCheck.SettingsRefused)) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(SettingsCheck.SettingsRefused.class).hasMessageContaining(variable);
        assertThat(output).contains("The configuration cannot work").contains(variable);
    }

    private static SettingsCheck check(Map<String, String> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new LinkedHashMap<>(settings)));
        SettingsCheck check = new SettingsCheck();
        check.setEnvironment(environment);
        return check;
    }

    private static Map<String, String> without(String name) {
        Map<String, String> settings = new LinkedHashMap<>(VALID);
        settings.remove(name);
        return settings;
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> settings = new LinkedHashMap<>(VALID);
        settings.put(name, value);
        return settings;
    }
}
