package io.echain.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import io.echain.support.ChainTest;
import java.math.BigInteger;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a wallet or marketplace sees of a ticket: the metadata its tokenURI names, and the image beside it. */
class TicketMetadataIntegrationTest extends ChainTest {

    private static final String PUBLIC_URL = "https://echain.test"; // echain.tickets.public-url of the test profile

    @Test
    void tokenUriOnChainNamesThePublicMetadataOfTheTicket() throws Exception {
        long eventId = eventOnSale(organizer(), 10);
        BigInteger tokenId =
                new BigInteger(boughtTicket(eventId, 4).get("tokenId").asString());

        String tokenUri = chain.ticketNft().tokenURI(tokenId).send();
        assertThat(tokenUri).isEqualTo(PUBLIC_URL + "/api/tickets/" + tokenId);
        Api.Response anonymous = api.get(URI.create(tokenUri).getPath());

        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
        assertThat(anonymous.contentType()).startsWith("application/json");
        assertThat(anonymous.header("Cache-Control").orElse("")).contains("public", "max-age=");
        JsonNode metadata = anonymous.json();
        assertThat(metadata.get("name").asString()).isEqualTo("Chain event — Ticket #1");
        assertThat(metadata.get("image").asString()).isEqualTo(tokenUri + "/image.svg");
        assertThat(metadata.get("external_url").asString()).isEqualTo(PUBLIC_URL + "/api/events/" + eventId);
        assertThat(api.get(URI.create(metadata.get("image").asString()).getPath())
                        .status())
                .isEqualTo(200);
        assertThat(api.get(URI.create(tokenUri).getPath(), sessionOf(4).token()).status())
                .as("signed in too")
                .isEqualTo(200);
        assertThat(boughtTicket(eventId, 4).get("metadataUrl").asString()).isEqualTo(tokenUri);
    }

    @Test
    void metadataUrlsComeFromTheConfiguredPublicUrlWhateverTheHostHeaderSays() {
        long eventId = eventOnSale(organizer(), 10);
        String tokenId = boughtTicket(eventId, 5).get("tokenId").asString();

        Api.RawResponse forged = api.raw("GET /api/tickets/" + tokenId + " HTTP/1.1\r\nHost: evil.example\r\n"
                + "Accept: application/json\r\nConnection: close\r\n\r\n");

        assertThat(forged.status()).as(forged.toString()).isEqualTo(200);
        JsonNode metadata = forged.json();
        assertThat(metadata.get("image").asString()).isEqualTo(PUBLIC_URL + "/api/tickets/" + tokenId + "/image.svg");
        assertThat(metadata.toString()).doesNotContain("evil.example");
    }

    @Test
    void servesErc721MetadataAndAnEscapedSvgTicket() {
        Session organizer = organizer();
        Map<String, Object> body = eventBody("Rock & <Roll> \"Night\"");
        body.put("priceWei", PRICE.toString());
        long eventId = eventOnSale(organizer, body);
        buy(AnvilRpc.key(3), eventId, 2);
        index();
        String tokenId = api.get("/api/me/tickets", sessionOf(3).token())
                .json()
                .valueStream()
                .filter(t -> t.get("eventId").asLong() == eventId)
                .reduce((a, b) -> b)
                .orElseThrow()
                .get("tokenId")
                .asString();

        Api.Response metadata = api.get("/api/tickets/" + tokenId);
        assertThat(metadata.status()).as(metadata.toString()).isEqualTo(200);
        JsonNode json = metadata.json();
        assertThat(json.get("name").asString()).isEqualTo("Rock & <Roll> \"Night\" — Ticket #2");
        assertThat(json.get("image").asString()).endsWith("/api/tickets/" + tokenId + "/image.svg");
        assertThat(json.get("attributes").toString())
                .contains(
                        "\"trait_type\":\"Venue\"",
                        "Kulturbrauerei, Berlin",
                        "\"trait_type\":\"Ticket number\",\"value\":2",
                        "\"trait_type\":\"Status\",\"value\":\"ACTIVE\"",
                        "\"trait_type\":\"Date\"");

        Api.Response svg = api.get("/api/tickets/" + tokenId + "/image.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.body())
                .startsWith("<svg")
                .contains("Rock &amp; &lt;Roll&gt; &quot;Night&quot;")
                .doesNotContain("<Roll>");
        assertProblem(api.get("/api/tickets/999999999"), 404, "not-found");
        assertProblem(api.get("/api/tickets/not-a-number"), 400, "validation");
    }

    /** Buys one ticket of the event with Anvil account {@code key} and returns it as /api/me/tickets shows it. */
    private JsonNode boughtTicket(long eventId, int key) {
        buy(AnvilRpc.key(key), eventId, 1);
        index();
        return api.get("/api/me/tickets", sessionOf(key).token())
                .json()
                .valueStream()
                .filter(t -> t.get("eventId").asLong() == eventId)
                .findFirst()
                .orElseThrow();
    }
}
