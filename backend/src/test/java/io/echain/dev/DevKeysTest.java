package io.echain.dev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keys derived from Anvil's mnemonic are the accounts Anvil funds. */
class DevKeysTest {

    @Test
    void derivesAnvilsDevelopmentAccountsFromTheMnemonic() {
        assertThat(DevKeys.address(DevKeys.OPERATOR)).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(DevKeys.privateKey(DevKeys.OPERATOR))
                .isEqualTo("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        assertThat(DevKeys.address(1)).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThat(DevKeys.address(DevKeys.OWNER)).isEqualTo("0xa0ee7a142d267c1f36714e4a8f75612f20a79720");
    }
}
