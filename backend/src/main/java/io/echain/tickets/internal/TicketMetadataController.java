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

/**
 * What the contract's {@code tokenURI} points at: the ERC-721 metadata at exactly {@code baseURI + tokenId}
 * ({@code /api/tickets/{tokenId}}) and the SVG ticket beside it. Public and cacheable: wallets and marketplaces fetch
 * them without signing in.
 */
@RestController
@Tag(name = "Tickets", description = "Your tickets, and their ERC-721 metadata and images")
class TicketMetadataController {

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

    private final TicketMetadata metadata;

    TicketMetadataController(TicketMetadata metadata) {
        this.metadata = metadata;
    }

    @GetMapping(path = "/api/tickets/{tokenId}", produces = "application/json")
    @Operation(
            summary = "ERC-721 metadata of a ticket (what tokenURI returns): name, description, image, attributes "
                    + "(event, date, venue, ticket number, status); absolute URLs are built from ECHAIN_PUBLIC_URL")
    ResponseEntity<TicketMetadata.Metadata> metadata(@PathVariable BigInteger tokenId) {
        return ResponseEntity.ok().cacheControl(CACHE).body(metadata.metadata(tokenId));
    }

    @GetMapping(path = "/api/tickets/{tokenId}/image.svg", produces = "image/svg+xml")
    @Operation(summary = "The ticket as an SVG image")
    ResponseEntity<String> image(@PathVariable BigInteger tokenId) {
        return ResponseEntity.ok().cacheControl(CACHE).body(metadata.svg(tokenId));
    }
}
