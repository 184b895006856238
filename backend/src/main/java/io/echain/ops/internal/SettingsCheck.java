package io.echain.ops.internal;

import io.echain.shared.EthereumAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start, before any bean is made, when a setting that can be judged without the network is missing or
 * wrong, and names the environment variable of each one (all of them at once). The node is not needed: whether it
 * matches the configuration is checked when it answers.
 */
class SettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final int MIN_JWT_SECRET_BYTES = 32;
    private static final Pattern PRIVATE_KEY = Pattern.compile("^(0x)?[0-9a-fA-F]{64}$");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new SettingsRefused(problems);
        }
    }

    /** Every problem found, each naming its variable; empty when the settings are usable. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        database(problems);
        identity(problems);
        chain(problems);
        return problems;
    }

    private void database(List<String> problems) {
        String url = property("spring.datasource.url");
        if (url == null) {
            problems.add("ECHAIN_DB_URL (spring.datasource.url) is not set: the PostgreSQL JDBC URL, for example"
                    + " jdbc:postgresql://db.example.internal:5432/echain");
        } else if (!url.startsWith("jdbc:postgresql:")) {
            problems.add("ECHAIN_DB_URL (spring.datasource.url) must be a PostgreSQL JDBC URL"
                    + " (jdbc:postgresql://host:port/database), not '" + url + "'");
        }
    }

    private void identity(List<String> problems) {
        String secret = property("echain.identity.jwt-secret");
        boolean generate = Boolean.parseBoolean(property("echain.identity.generate-jwt-secret"));
        if (secret == null && !generate) {
            problems.add("ECHAIN_JWT_SECRET (echain.identity.jwt-secret) is not set: a random string of at least "
                    + MIN_JWT_SECRET_BYTES + " bytes signs the access tokens (e.g. openssl rand -base64 48)");
        } else if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_JWT_SECRET_BYTES) {
            problems.add("ECHAIN_JWT_SECRET (echain.identity.jwt-secret) is "
                    + secret.getBytes(StandardCharsets.UTF_8).length + " bytes long; it must be at least "
                    + MIN_JWT_SECRET_BYTES);
        }
        List<String> admins = Binder.get(environment)
                .bind("echain.identity.admin-addresses", Bindable.listOf(String.class))
                .orElse(List.of())
                .stream()
                .map(String::trim)
                .filter(StringUtils::hasText)
                .toList();
        if (admins.isEmpty()) {
            problems.add("ECHAIN_ADMIN_ADDRESSES (echain.identity.admin-addresses) is empty: list the wallet"
                    + " addresses that are ADMIN (comma-separated); without one nobody can grant the organizer role");
        }
        admins.stream()
                .filter(a -> !EthereumAddress.isValid(a))
                .forEach(a -> problems.add("ECHAIN_ADMIN_ADDRESSES (echain.identity.admin-addresses): '" + a
                        + "' is not an Ethereum address"));
    }

    private void chain(List<String> problems) {
        String rpcUrl = property("echain.chain.rpc-url");
        if (rpcUrl == null) {
            problems.add("ECHAIN_RPC_URL (echain.chain.rpc-url) is not set: the JSON-RPC URL of a Base node");
        } else if (!isHttpUrl(rpcUrl)) {
            problems.add("ECHAIN_RPC_URL (echain.chain.rpc-url) must be an http(s) URL, not '" + rpcUrl + "'");
        }
        positiveNumber(problems, "ECHAIN_CHAIN_ID (echain.chain.chain-id)", property("echain.chain.chain-id"), true);
        positiveNumber(
                problems,
                "ECHAIN_DEPLOYMENT_BLOCK (echain.chain.deployment-block)",
                property("echain.chain.deployment-block"),
                false);
        address(problems, "ECHAIN_TICKET_NFT (echain.chain.ticket-nft)", property("echain.chain.ticket-nft"));
        address(
                problems,
                "ECHAIN_PAYMENT_PROCESSOR (echain.chain.payment-processor)",
                property("echain.chain.payment-processor"));
        String key = property("echain.chain.operator-key");
        if (key != null && !PRIVATE_KEY.matcher(key).matches()) {
            problems.add("ECHAIN_OPERATOR_KEY (echain.chain.operator-key) is not a private key: 64 hex digits,"
                    + " optionally with 0x (its value is not shown)");
        }
    }

    private static void address(List<String> problems, String name, String value) {
        if (value == null) {
            problems.add(name + " is not set: the contract's address from the deployment JSON");
        } else if (!EthereumAddress.isValid(value)) {
            problems.add(name + " is not an Ethereum address: '" + value + "'");
        }
    }

    private static void positiveNumber(List<String> problems, String name, String value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(name + " is not set");
            }
            return;
        }
        try {
            long number = Long.parseLong(value);
            if (number < 0 || (required && number == 0)) {
                problems.add(name + " must be " + (required ? "positive" : "0 or more") + ", not " + value);
            }
        } catch (NumberFormatException e) {
            problems.add(name + " must be a number, not '" + value + "'");
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The property's value, or null when it is missing, empty or refers to a variable that is not set. */
    private String property(String name) {
        try {
            String value = environment.getProperty(name);
            return StringUtils.hasText(value) ? value.trim() : null;
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }

    /** The settings cannot work; the message lists every problem. */
    static class SettingsRefused extends IllegalStateException {

        private final List<String> problems;

        SettingsRefused(List<String> problems) {
            super("Refusing to start: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
