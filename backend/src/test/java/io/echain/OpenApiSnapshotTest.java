package io.echain;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.ApiIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated OpenAPI document must equal the checked-in snapshot, so API changes are deliberate.
 * Regenerate after an intended change with
 * {@code mvn -pl backend test -Dtest=OpenApiSnapshotTest -Dopenapi.snapshot.update=true}.
 */
class OpenApiSnapshotTest extends ApiIntegrationTest {

    static final Path SNAPSHOT = Path.of("src/test/resources/openapi/openapi.json");
    static final JsonMapper PRETTY = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Test
    void describesTheChainInfoAndTheChainStatuses() {
        JsonNode document = PRETTY.readTree(api.get("/v3/api-docs").body());
        JsonNode ok = document.at("/paths/~1api~1chain/get/responses/200");
        assertThat(ok.isMissingNode()).as("GET /api/chain has a 200 response").isFalse();
        assertThat(ok.at("/content/application~1json/schema/$ref").asString()).endsWith("/ChainInfo");
        assertThat(document.at("/components/schemas/Chain/properties/status/enum")
                        .toString())
                .isEqualTo("[\"PENDING\",\"SUBMITTED\",\"MINED\",\"CONFIRMED\",\"FAILED\"]");
        assertThat(document.at("/components/schemas/TicketView/properties/status/enum")
                        .toString())
                .isEqualTo("[\"ACTIVE\",\"TRANSFERRED\",\"REFUNDED\"]");
    }

    @Test
    void generatedDocumentMatchesSnapshot() throws IOException {
        JsonNode generated = PRETTY.readTree(api.get("/v3/api-docs").body());
        String actual = PRETTY.writeValueAsString(PRETTY.treeToValue(generated, Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.snapshot.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, actual);
        }
        assertThat(SNAPSHOT)
                .as("snapshot; regenerate with -Dopenapi.snapshot.update=true")
                .exists();
        assertThat(actual)
                .as(
                        "OpenAPI document differs from %s; if intended, regenerate with "
                                + "-Dtest=OpenApiSnapshotTest -Dopenapi.snapshot.update=true",
                        SNAPSHOT)
                .isEqualTo(Files.readString(SNAPSHOT));
    }
}
