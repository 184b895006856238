package io.echain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import io.echain.support.EmbeddedRedis;
import io.echain.support.Wallet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tight limits, stored in a real Redis: sign-in per IP, writes per user and per IP answer 429 with Retry-After. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitIntegrationTest extends ApiIntegrationTest {

    @DynamicPropertySource
    static void tightLimitsInRedis(DynamicPropertyRegistry registry) {
        registry.add("echain.redis-url", EmbeddedRedis::url);
        registry.add("echain.rate-limit.policies.sign-in.per-ip", () -> 8);
        registry.add("echain.rate-limit.policies.write.per-ip", () -> 5);
        registry.add("echain.rate-limit.policies.write.per-user", () -> 3);
    }

    @Autowired
    JdbcClient jdbc;

    private Session first;
    private Session second;

    @BeforeAll
    void signInTwoOrganizers() {
        api = new Api(port);
        first = signIn(organizerWallet());
        second = signIn(organizerWallet());
    }

    private Wallet organizerWallet() {
        Wallet wallet = Wallet.random();
        jdbc.sql("insert into users (address, role) values (?, 'ORGANIZER')")
                .param(wallet.lower())
                .update();
        return wallet;
    }

    @Test
    void limitsSignInPerIp() {
        Api.Response response = null;
        for (int i = 0; i < 10; i++) {
            response = api.call("POST", "/api/auth/nonce").send();
            if (response.status() == 429) {
                break;
            }
        }
        assertProblem(response, 429, "rate-limited");
        assertThat(Long.parseLong(response.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }

    @Test
    void limitsWritesPerUserThenPerIp() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.call("POST", "/api/events")
                            .token(first.token())
                            .json(eventBody("Limited " + i))
                            .send()
                            .status())
                    .isEqualTo(201);
        }
        Api.Response perUser = api.call("POST", "/api/events")
                .token(first.token())
                .json(eventBody("One too many"))
                .send();
        assertProblem(perUser, 429, "rate-limited");
        assertThat(perUser.json().get("detail").asString()).contains("account");
        assertThat(Long.parseLong(perUser.header("Retry-After").orElseThrow())).isBetween(1L, 20L);

        assertThat(api.call("POST", "/api/events")
                        .token(second.token())
                        .json(eventBody("Other user"))
                        .send()
                        .status())
                .isEqualTo(201);
        Api.Response perIp = api.call("POST", "/api/events")
                .token(second.token())
                .json(eventBody("Same IP"))
                .send();
        assertProblem(perIp, 429, "rate-limited");
        assertThat(perIp.json().get("detail").asString()).contains("IP");

        assertThat(api.get("/api/events").status()).as("reads are not limited").isEqualTo(200);
    }
}
