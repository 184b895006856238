package io.echain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Whatever goes wrong, and wherever (Spring MVC, Spring Security, Tomcat itself), a client gets an RFC 9457 problem
 * with the right status, never HTML, never a 500 for bad input.
 */
class ErrorAnswersIntegrationTest extends ApiIntegrationTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/events?q=a|b",
                "/api/events/%2F",
                "/api/events?q=%",
                "/api/events?q=%zz",
                "/api/events/1%00"
            })
    void requestsTomcatRefusesAreProblems(String target) {
        Api.RawResponse response =
                api.raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertRawProblem(response, 400);
    }

    @Test
    void aHeaderOverTheLimitIsAProblem() {
        Api.RawResponse response = api.raw("GET /api/events HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(16 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertRawProblem(response, 400);
    }

    @Test
    void theErrorPathItselfIsNotFound() {
        assertProblem(api.get("/error"), 404, "not-found");
        assertProblem(api.call("POST", "/error").send(), 404, "not-found");
    }

    @Test
    void unknownPathsAreNotFoundForAnonymousCallersToo() {
        assertProblem(api.get("/api/nothing-here"), 404, "not-found");
        assertProblem(api.get("/api/events/1/nothing"), 404, "not-found");
        assertProblem(api.call("DELETE", "/api/nothing-here").send(), 404, "not-found");
        assertProblem(api.get("/api/nothing-here", attendee().token()), 404, "not-found");
        assertProblem(api.get("/api/me/payments"), 401, "unauthenticated");
    }

    @Test
    void headIsAllowedWhereverGetIs() {
        long id = createEvent(organizer()).get("id").asLong();
        List<String> publicGets = new ArrayList<>();
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        paths.propertyNames().forEach(path -> {
            JsonNode get = paths.get(path).get("get");
            if (get != null
                    && path.startsWith("/api/")
                    && (get.get("security") == null || get.get("security").isEmpty())) {
                publicGets.add(path);
            }
        });
        assertThat(publicGets).contains("/api/events", "/api/events/{id}", "/api/chain", "/api/tickets/{tokenId}");
        for (String path : publicGets) {
            String concrete = path.replace("{id}", Long.toString(id)).replace("{tokenId}", "1");
            int get = api.get(concrete).status();
            int head = api.call("HEAD", concrete).send().status();
            assertThat(head)
                    .as("HEAD " + concrete + " (GET answers " + get + ")")
                    .isEqualTo(get);
        }
    }

    @Test
    void databaseDataErrorsAreBadRequestsNotConflicts() {
        Api.Response response = api.call("PUT", "/api/me/email")
                .token(attendee().token())
                .json("{\"email\": \"a\\u0000b@example.com\"}")
                .send();
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").has("email"))
                .as(response.toString())
                .isTrue();
    }

    private static void assertRawProblem(Api.RawResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("https://echain.io/problems/");
    }
}
