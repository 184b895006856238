package io.echain.tickets.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigInteger;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the contract's {@code tokenURI} points at: ERC-721 metadata and an SVG ticket. */
@RestController
@Tag(name = "Tickets", description = "ERC-721 metadata and images of tickets")
class TicketMetadataController {

    private final TicketMetadata metadata;

    TicketMetadataController(TicketMetadata metadata) {
        this.metadata = metadata;
    }

    @GetMapping(path = "/api/tickets/{tokenId}/metadata", produces = "application/json")
    @Operation(summary = "ERC-721 metadata of a ticket: name, description, image, attributes (event, date, venue, ticket number, status)")
    ResponseEntity<TicketMetadata.Metadata> metadata(@PathVariable BigInteger tokenId) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)))
                .body(metadata.metadata(tokenId, base));
    }

    @GetMapping(path = "/api/tickets/{tokenId}/image.svg", produces = "image/svg+xml")
    @Operation(summary = "The ticket as an SVG image")
    ResponseEntity<String> image(@PathVariable BigInteger tokenId) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(30))).body(metadata.svg(tokenId));
    }
}
