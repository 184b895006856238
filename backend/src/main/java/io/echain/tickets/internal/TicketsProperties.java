package io.echain.tickets.internal;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code echain.tickets.*}.
 *
 * @param publicUrl the backend's public origin ({@code ECHAIN_PUBLIC_URL}, e.g. {@code https://tickets.example}):
 *     every absolute URL in ticket metadata is built from it, never from a request's {@code Host} header, and the
 *     contracts are deployed with {@code <publicUrl>/api/tickets/} as token URI base
 */
@ConfigurationProperties("echain.tickets")
record TicketsProperties(URI publicUrl) {

    TicketsProperties {
        if (publicUrl == null
                || !publicUrl.isAbsolute()
                || publicUrl.getHost() == null
                || !("https".equals(publicUrl.getScheme()) || "http".equals(publicUrl.getScheme()))) {
            throw new IllegalArgumentException("echain.tickets.public-url (ECHAIN_PUBLIC_URL) must be an absolute "
                    + "http(s) URL such as https://tickets.example, not '" + publicUrl + "'");
        }
        String text = publicUrl.toString();
        publicUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** What the contract's {@code tokenURI} returns for a token: {@code <publicUrl>/api/tickets/<tokenId>}. */
    String metadataUrl(Object tokenId) {
        return publicUrl + "/api/tickets/" + tokenId;
    }

    String imageUrl(Object tokenId) {
        return metadataUrl(tokenId) + "/image.svg";
    }

    String eventUrl(long eventId) {
        return publicUrl + "/api/events/" + eventId;
    }
}
