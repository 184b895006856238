/**
 * Events: organizers publish, edit and cancel events; anyone lists, searches and reads them with their
 * availability. Every change goes on chain through the chain module's outbox; the events module projects its own
 * chain facts (tickets sold, the on-chain status of its latest change) from the indexer. Announces changes as
 * {@link io.echain.events.EventPublished}, {@link io.echain.events.EventChanged} and
 * {@link io.echain.events.EventCancelled}; other modules read events through {@link io.echain.events.EventCatalog}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Events",
        allowedDependencies = {"shared", "identity", "chain", "chain :: indexer"})
package io.echain.events;
