/**
 * Events: organizers publish, edit and cancel events; anyone lists, searches and reads them with
 * their availability. Announces changes as {@link io.echain.events.EventPublished},
 * {@link io.echain.events.EventChanged} and {@link io.echain.events.EventCancelled} for the chain
 * integration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events")
package io.echain.events;
