package io.echain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.ApiIntegrationTest;
import io.echain.support.Wallet;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The test JVM's Anvil has the contracts deployed by the deploy script, and the test support drives it. */
class LocalChainIntegrationTest extends ApiIntegrationTest {

    @Autowired
    ChainProperties properties;

    AnvilRpc chain;

    @BeforeEach
    void connect() {
        chain = new AnvilRpc(properties);
    }

    @AfterEach
    void disconnect() {
        chain.close();
    }

    @Test
    void deploysTheContractsWithTheBackendAsOperator() throws Exception {
        assertThat(properties.chainId()).isEqualTo(84532);
        assertThat(chain.ticketNft()
                        .isOperator(AnvilRpc.key(AnvilRpc.OPERATOR).getAddress())
                        .send())
                .isTrue();
        assertThat(chain.ticketNft().minter().send()).isEqualToIgnoringCase(properties.paymentProcessor());
        assertThat(chain.ticketNft().owner().send())
                .isEqualToIgnoringCase(AnvilRpc.key(AnvilRpc.OWNER).getAddress());
        assertThat(chain.ticketNft().baseURI().send()).endsWith("/api/tickets/");
        assertThat(properties.deploymentBlock()).isLessThan(chain.blockNumber());
    }

    @Test
    void registersAnEventDirectlyAndSellsTicketsWithADevKey() {
        long eventId = unusedEventId();
        Instant now = chain.latestBlockTime();
        String organizer = Wallet.random().address();
        TransactionReceipt registered = chain.registerEvent(
                eventId,
                organizer,
                BigInteger.valueOf(1_000),
                10,
                now.minusSeconds(60),
                now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)));
        assertThat(registered.isStatusOK()).isTrue();

        String tx = chain.purchase(AnvilRpc.key(1), eventId, 3);
        assertThat(chain.awaitReceipt(tx, Duration.ofSeconds(5)).orElseThrow().isStatusOK())
                .isTrue();
        assertThat(chain.event(eventId).sold).isEqualTo(BigInteger.valueOf(3));
        assertThat(chain.event(eventId).organizer).isEqualToIgnoringCase(organizer);

        String underpaid = chain.purchase(AnvilRpc.key(2), eventId, 1, BigInteger.ONE);
        assertThat(chain.awaitReceipt(underpaid, Duration.ofSeconds(5))
                        .orElseThrow()
                        .isStatusOK())
                .isFalse();
    }

    @Test
    void minesSnapshotsRevertsAndHoldsTransactionsWithoutAutomine() {
        long start = chain.blockNumber();
        chain.mine(5);
        assertThat(chain.blockNumber()).isEqualTo(start + 5);

        String snapshot = chain.snapshot();
        chain.mine(3);
        assertThat(chain.revert(snapshot)).isTrue();
        assertThat(chain.blockNumber()).isEqualTo(start + 5);

        Instant before = chain.latestBlockTime();
        chain.increaseTime(Duration.ofHours(1));
        chain.mine(1);
        assertThat(chain.latestBlockTime()).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));

        chain.automine(false);
        try {
            String tx = chain.send(AnvilRpc.key(3), AnvilRpc.key(4).getAddress(), BigInteger.ONE, "0x");
            assertThat(chain.receipt(tx)).isEmpty();
            chain.mine(1);
            assertThat(chain.receipt(tx)).isPresent();
        } finally {
            chain.automine(true);
        }
    }

    /** Ids far above the backend's own event ids, so direct registrations never collide with them. */
    private long unusedEventId() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong(10_000_000, 16_777_215);
        } while (chain.isRegistered(id));
        return id;
    }
}
