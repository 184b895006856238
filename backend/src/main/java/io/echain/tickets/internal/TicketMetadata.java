package io.echain.tickets.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.echain.events.EventCatalog;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds a ticket's ERC-721 metadata and SVG image from the projection and the event. */
@Component
class TicketMetadata {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    record Attribute(@JsonProperty("trait_type") String traitType, Object value) {}

    record Metadata(
            String name,
            String description,
            String image,
            @JsonProperty("external_url") String externalUrl,
            List<Attribute> attributes) {}

    private record Facts(Ticket ticket, int number, Optional<EventCatalog.EventSummary> event) {

        String eventName() {
            return event.map(EventCatalog.EventSummary::name).orElse("Echain event " + ticket.chainEventId());
        }
    }

    private final Tickets ledger;
    private final EventCatalog catalog;
    private final TicketsProperties urls;

    TicketMetadata(Tickets ledger, EventCatalog catalog, TicketsProperties urls) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.urls = urls;
    }

    Metadata metadata(BigInteger tokenId) {
        Facts facts = facts(tokenId);
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("Event", facts.eventName()));
        facts.event().ifPresent(e -> {
            attributes.add(new Attribute("Date", DATE.format(e.startsAt())));
            attributes.add(new Attribute("Venue", e.location()));
        });
        attributes.add(new Attribute("Ticket number", facts.number()));
        attributes.add(new Attribute("Status", facts.ticket().status().name()));
        String description = facts.event()
                .map(EventCatalog.EventSummary::description)
                .filter(d -> !d.isBlank())
                .orElse("Ticket for " + facts.eventName() + " on Echain.");
        return new Metadata(
                facts.eventName() + " — Ticket #" + facts.number(),
                description,
                urls.imageUrl(tokenId),
                facts.ticket().eventId() == null
                        ? null
                        : urls.eventUrl(facts.ticket().eventId()),
                attributes);
    }

    String svg(BigInteger tokenId) {
        Facts facts = facts(tokenId);
        String date = facts.event().map(e -> DATE.format(e.startsAt())).orElse("");
        String venue = facts.event().map(EventCatalog.EventSummary::location).orElse("");
        String status = facts.ticket().status().name();
        String color = switch (facts.ticket().status()) {
            case ACTIVE -> "#16a34a";
            case TRANSFERRED -> "#2563eb";
            case REFUNDED -> "#9ca3af";
        };
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" viewBox="0 0 600 300" role="img" aria-label="%s">
                  <rect x="4" y="4" width="592" height="292" rx="24" fill="#0f172a" stroke="%s" stroke-width="4"/>
                  <line x1="440" y1="20" x2="440" y2="280" stroke="#334155" stroke-width="2" stroke-dasharray="8 8"/>
                  <text x="32" y="70" font-family="Helvetica, Arial, sans-serif" font-size="30" font-weight="bold" fill="#f8fafc">%s</text>
                  <text x="32" y="130" font-family="Helvetica, Arial, sans-serif" font-size="20" fill="#cbd5e1">%s</text>
                  <text x="32" y="165" font-family="Helvetica, Arial, sans-serif" font-size="20" fill="#cbd5e1">%s</text>
                  <text x="32" y="250" font-family="Helvetica, Arial, sans-serif" font-size="16" fill="#94a3b8">Token %s</text>
                  <text x="520" y="140" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="40" font-weight="bold" fill="#f8fafc">#%d</text>
                  <text x="520" y="190" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="18" fill="%s">%s</text>
                </svg>
                """.formatted(
                        xml(facts.eventName() + " ticket #" + facts.number()),
                        color,
                        xml(abbreviate(facts.eventName(), 28)),
                        xml(abbreviate(date, 40)),
                        xml(abbreviate(venue, 40)),
                        xml(tokenId.toString()),
                        facts.number(),
                        color,
                        status);
    }

    private Facts facts(BigInteger tokenId) {
        Ticket ticket = ledger.find(tokenId)
                .filter(t -> t.chainEventId() != null)
                .orElseThrow(() -> new TicketProblems.TicketNotFound(tokenId.toString()));
        Optional<EventCatalog.EventSummary> event =
                ticket.eventId() == null ? Optional.empty() : catalog.find(ticket.eventId());
        return new Facts(ticket, ledger.ticketNumber(ticket), event);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Escapes text for XML character data and attribute values. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
