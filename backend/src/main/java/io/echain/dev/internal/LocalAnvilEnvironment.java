package io.echain.dev.internal;

import io.echain.dev.DevKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With {@code echain.chain.local-anvil.enabled=true} (dev profile, tests), starts a local Anvil with the contracts
 * deployed before the context and points {@code echain.chain.*} at it (the wallets' RPC URL too, unless one is
 * configured); SIWE messages then name its chain id too.
 * Settings under {@code echain.chain.local-anvil}: {@code contracts-dir} (default: {@code contracts} or
 * {@code ../contracts}), {@code chain-id} (31337), {@code block-time} (seconds, 0: a block per transaction),
 * {@code port} (preferred port, a free one if it is taken; 0: any free port), {@code state-dir} (empty: a fresh chain), {@code base-uri} (token URI base; default
 * {@code <echain.tickets.public-url>/api/tickets/}).
 */
class LocalAnvilEnvironment implements EnvironmentPostProcessor {

    private static final String PREFIX = "echain.chain.local-anvil.";
    private static final String WALLET_RPC_URL = "echain.chain.wallet.rpc-url";

    private final Log log;

    LocalAnvilEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(LocalAnvilEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(PREFIX + "enabled", Boolean.class, false)) {
            return;
        }
        String stateDir = environment.getProperty(PREFIX + "state-dir", "");
        String serverPort = environment.getProperty("server.port", "8080");
        LocalAnvil.Node node = LocalAnvil.start(new LocalAnvil.Options(
                contractsDir(environment),
                environment.getProperty(PREFIX + "chain-id", Long.class, 31337L),
                environment.getProperty(PREFIX + "block-time", Integer.class, 0),
                environment.getProperty(PREFIX + "port", Integer.class, 0),
                StringUtils.hasText(stateDir) ? Path.of(stateDir) : null,
                environment.getProperty(PREFIX + "base-uri", publicUrl(environment, serverPort) + "/api/tickets/")));
        log.info("Local Anvil " + node.rpcUrl() + " (chain " + node.chainId() + "): EventTicketNFT " + node.ticketNft()
                + ", PaymentProcessor " + node.paymentProcessor() + "; add it to a wallet as a custom network");
        Map<String, Object> settings = new HashMap<>(Map.of(
                "echain.chain.rpc-url", node.rpcUrl(),
                "echain.chain.chain-id", node.chainId(),
                "echain.chain.ticket-nft", node.ticketNft(),
                "echain.chain.payment-processor", node.paymentProcessor(),
                "echain.chain.deployment-block", node.deploymentBlock(),
                "echain.chain.operator-key", DevKeys.privateKey(DevKeys.OPERATOR),
                "echain.identity.chain-id", node.chainId()));
        // Wallets and the web app reach this Anvil directly (its URL carries no key), unless a public URL is set.
        if (!StringUtils.hasText(environment.getProperty(WALLET_RPC_URL))) {
            settings.put(WALLET_RPC_URL, node.rpcUrl());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("localAnvil", settings));
    }

    /** The backend's public origin ({@code echain.tickets.public-url}): the token URI base is below it. */
    private static String publicUrl(ConfigurableEnvironment environment, String serverPort) {
        String url = environment.getProperty(
                "echain.tickets.public-url", "http://localhost:" + ("0".equals(serverPort) ? "8080" : serverPort));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Path contractsDir(ConfigurableEnvironment environment) {
        String configured = environment.getProperty(PREFIX + "contracts-dir", "");
        if (StringUtils.hasText(configured)) {
            return Path.of(configured);
        }
        for (String candidate : new String[] {"contracts", "../contracts"}) {
            if (Files.exists(Path.of(candidate, "script/Deploy.s.sol"))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("Cannot find the contracts project (looked for contracts/ and ../contracts/"
                + " from " + Path.of("").toAbsolutePath() + "); set echain.chain.local-anvil.contracts-dir");
    }
}
