package io.echain.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** The app is served from the API's origin: routes fall back to index.html, hashed assets are cached for a year. */
class WebAppIntegrationTest extends ApiIntegrationTest {

    @Test
    void servesIndexAtTheRootAndForClientRoutesWithoutCaching() {
        for (String path : new String[] {
            "/", "/events/42", "/tickets", "/organizer", "/organizer/events/7", "/admin", "/door", "/door/7"
        }) {
            Api.Response response =
                    api.call("GET", path).header("Accept", "text/html").send();
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.contentType()).as(path).startsWith("text/html");
            assertThat(response.body()).as(path).contains("<div id=\"root\"></div>");
            assertThat(response.header("Cache-Control")).as(path).hasValue("no-cache");
        }
    }

    @Test
    void cachesHashedAssetsForAYear() {
        Api.Response response = api.call("GET", "/assets/index-Test1234.js").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("echain test bundle");
        assertThat(response.header("Cache-Control").orElseThrow())
                .contains("max-age=31536000")
                .contains("public")
                .contains("immutable");
    }

    @Test
    void gzipsScriptsForBrowsersThatAcceptIt() {
        Api.Response response = api.call("GET", "/assets/index-Test1234.js")
                .header("Accept-Encoding", "gzip")
                .send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void answersAnUnknownPageWithTheAppAnd404ForBrowsersAndAProblemOtherwise() {
        Api.Response page = api.call("GET", "/no-such-page/x")
                .header("Accept", "text/html,application/xhtml+xml")
                .send();
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("<div id=\"root\"></div>");

        assertProblem(
                api.call("GET", "/no-such-page")
                        .header("Accept", "application/json")
                        .send(),
                404,
                "not-found");
        assertProblem(api.call("GET", "/assets/missing-123.js").send(), 404, "not-found");
    }

    @Test
    void leavesTheApiDocsAndOperationsAlone() {
        assertThat(api.call("GET", "/api/events").send().contentType()).startsWith("application/json");
        assertThat(api.call("GET", "/v3/api-docs").send().status()).isEqualTo(200);
        assertThat(api.call("GET", "/health").send().contentType()).startsWith("application/json");
        assertThat(api.call("GET", "/swagger-ui/index.html")
                        .header("Accept", "text/html")
                        .send()
                        .body())
                .doesNotContain("<div id=\"root\"></div>");
        Api.Response unknownApi = api.call("GET", "/api/no-such-thing")
                .header("Accept", "text/html")
                .send();
        assertThat(unknownApi.body()).doesNotContain("<div id=\"root\"></div>");
    }
}
