package io.echain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Response;

/** Which JSON-RPC errors mean "the node has no such method" (the payment tracker then asks receipt by receipt). */
class ContractReadsMethodNotFoundTest {

    @Test
    void methodNotFoundByCodeOrByTheWordsNodesAndProvidersUse() {
        assertThat(ContractReads.methodNotFound(new Response.Error(-32601, "Method not found")))
                .isTrue();
        assertThat(ContractReads.methodNotFound(
                        new Response.Error(-32000, "the method eth_getBlockReceipts does not exist/is not available")))
                .isTrue();
        assertThat(ContractReads.methodNotFound(new Response.Error(-32600, "Unsupported method: eth_getBlockReceipts")))
                .isTrue();
        assertThat(ContractReads.methodNotFound(new Response.Error(-32602, "method not supported on this plan")))
                .isTrue();
    }

    @Test
    void otherErrorsAreTheNodesTrouble() {
        assertThat(ContractReads.methodNotFound(new Response.Error(-32000, "header not found")))
                .isFalse();
        assertThat(ContractReads.methodNotFound(new Response.Error(-32005, "rate limit exceeded")))
                .isFalse();
        assertThat(ContractReads.methodNotFound(new Response.Error(-39001, "Unknown block")))
                .isFalse();
        assertThat(ContractReads.methodNotFound(new Response.Error(-32603, null)))
                .isFalse();
    }
}
