/**
 * Chain: the only module that talks to the node. The web3j client, the contract wrappers generated from the Foundry
 * build ({@code io.echain.chain.contracts}, for this module and tests), the startup check, typed reads of the
 * contracts ({@link io.echain.chain.ContractReads}), the one definition of confirmed
 * ({@link io.echain.chain.Confirmations}), the indexer that hands typed contract events to the modules' projections
 * ({@code io.echain.chain.indexer}), and the outbox that puts events on chain with the operator key
 * ({@link io.echain.chain.EventOutbox}). It depends on no business module: the events module implements
 * {@link io.echain.chain.EventListings} for it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Chain",
        allowedDependencies = {"shared", "identity"})
package io.echain.chain;
