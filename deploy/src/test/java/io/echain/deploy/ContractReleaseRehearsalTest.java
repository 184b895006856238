package io.echain.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * scripts/rehearse-contract-release.sh: the deploy script's dry run on a chain with Base Sepolia's id shows every
 * transaction and sends none; after the broadcast, the standard-JSON input verification submits compiles with the
 * pinned solc to exactly the code on chain.
 */
class ContractReleaseRehearsalTest {

    @Test
    void dryRunShowsTheTransactionsAndTheVerificationInputReproducesTheDeployedCode() throws Exception {
        Path out = Files.createTempDirectory("contract-rehearsal");
        ProcessBuilder builder = new ProcessBuilder("bash", Repo.path("scripts/rehearse-contract-release.sh").toString())
                .redirectErrorStream(true);
        builder.environment().put("OUT", out.toString());
        Path log = out.resolve("rehearsal.log");
        String output = LocalChain.run(builder.redirectOutput(log.toFile()), log, java.time.Duration.ofMinutes(8));
        assertThat(output).contains(
                "tx 1: CREATE EventTicketNFT", "tx 2: CREATE PaymentProcessor", "EventTicketNFT.setMinter(address)",
                "EventTicketNFT.setOperator(address,bool)", "EventTicketNFT.setPauser(address,bool)",
                "EventTicketNFT.transferOwnership(address)(0x90F79bf6EB2c4f870365E785982E1f101E93b906)",
                "PaymentProcessor.transferOwnership(address)(0x90F79bf6EB2c4f870365E785982E1f101E93b906)",
                "sent: none (deployer nonce still 0)", "rehearsal: ok");
        assertThat(output).containsPattern("EventTicketNFT at 0x[0-9a-fA-F]{40}: runtime identical .*creation identical");
        assertThat(output).containsPattern("PaymentProcessor at 0x[0-9a-fA-F]{40}: runtime identical \\(\\d+ bytes, 16"
                + " immutable reference\\(s\\) masked, CBOR metadata a164736f6c634300081e000a compared\\)");
        assertThat(out.resolve("EventTicketNFT.standard-input.json")).content().contains("\"bytecodeHash\": \"none\"");
    }

    @Test
    void theComparisonFailsWhenTheCodeOnChainIsNotTheCompiledContract() throws Exception {
        try (LocalChain chain = LocalChain.start(84532)) {
            chain.deploy();
            Path out = Files.createTempDirectory("contract-rehearsal");
            Path log = out.resolve("verify.log");
            ProcessBuilder builder = new ProcessBuilder("node", Repo.path("deploy/scripts/verify-rehearsal.cjs").toString(),
                    chain.rpcUrl, out.toString(), "PaymentProcessor=" + chain.ticketNft())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Process process = builder.start();
            assertThat(process.waitFor()).isEqualTo(1);
            assertThat(Files.readString(log)).contains("runtime DIFFERENT");
            assertThat(List.of(out.toFile().list())).contains("PaymentProcessor.standard-input.json");
        }
    }
}
