package io.echain.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.echain.support.AnvilRpc;
import io.echain.support.Api;
import io.echain.support.ChainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Availability comes from the tickets sold on chain, as the events module projects them. */
class EventAvailabilityIntegrationTest extends ChainTest {

    @Test
    void soldTicketsOnChainShowInAvailabilityAndBoundCapacity() {
        Session organizer = organizer();
        long id = eventOnSale(organizer, 100);
        index();
        api.get("/api/events/" + id); // warm the detail cache: the indexed sale must evict it
        buy(AnvilRpc.key(1), id, 3);
        index();

        JsonNode availability = api.get("/api/events/" + id).json().get("availability");
        assertThat(availability.toString()).isEqualTo("{\"capacity\":100,\"sold\":3,\"remaining\":97}");
        assertThat(api.get("/api/events?available=true&organizer=" + organizer.address())
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);

        Map<String, Object> shrink = eventBody("Smaller");
        shrink.put("capacity", 2);
        Api.Response response = api.call("PUT", "/api/events/" + id)
                .token(organizer.token())
                .header("If-Match", "*")
                .json(shrink)
                .send();
        assertProblem(response, 409, "conflict");
        assertThat(response.json().get("errors").has("capacity")).isTrue();

        shrink.put("capacity", 3);
        assertThat(api.call("PUT", "/api/events/" + id)
                        .token(organizer.token())
                        .header("If-Match", "*")
                        .json(shrink)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/events?available=false&organizer=" + organizer.address())
                        .json()
                        .get("totalItems")
                        .asLong())
                .as("sold out")
                .isEqualTo(1);
    }

    @Test
    void eventWithSoldTicketsCanOnlyBeCancelledNeverDeleted() {
        Session organizer = organizer();
        long id = eventOnSale(organizer, 10);
        buy(AnvilRpc.key(2), id, 2);
        index();

        assertThat(api.call("DELETE", "/api/events/" + id)
                        .token(organizer.token())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from events where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.get("/api/events/" + id, organizer.token())
                        .json()
                        .get("availability")
                        .get("sold")
                        .asInt())
                .isEqualTo(2);
        assertThatThrownBy(() ->
                        jdbc.sql("delete from events where id = ?").param(id).update())
                .hasMessageContaining("tickets");
    }
}
