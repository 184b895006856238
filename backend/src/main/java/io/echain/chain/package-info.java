/**
 * Chain: the web3j client, the contract wrappers generated from the Foundry build
 * ({@code io.echain.chain.contracts}), the startup check against the configured node, the outbox that puts
 * events on chain with the operator key, and (in dev and tests) a local Anvil with the contracts deployed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chain")
package io.echain.chain;
