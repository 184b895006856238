package io.echain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import io.echain.support.SiweMessages;
import io.echain.support.Wallet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class SignInIntegrationTest extends ApiIntegrationTest {

    @Test
    void signsInANewWalletAsAttendee() {
        Wallet wallet = Wallet.random();
        Api.Response nonce = api.call("POST", "/api/auth/nonce").send();
        assertThat(nonce.status()).isEqualTo(201);
        JsonNode n = nonce.json();
        assertThat(n.get("domain").asString()).isEqualTo(SiweMessages.DOMAIN);
        assertThat(n.get("uri").asString()).isEqualTo(SiweMessages.URI);
        assertThat(n.get("chainId").asLong()).isEqualTo(SiweMessages.CHAIN_ID);
        assertThat(n.get("nonce").asString()).matches("[A-Za-z0-9]{24}");

        String message = SiweMessages.valid(wallet, n.get("nonce").asString()).text();
        Api.Response response = verify(message, wallet.sign(message));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("address").asString()).isEqualTo(wallet.lower());
        assertThat(body.get("roles").toString()).isEqualTo("[\"ATTENDEE\"]");
        assertThat(body.get("expiresIn").asLong()).isBetween(800L, 900L);

        Api.Response me = api.get("/api/me", body.get("accessToken").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("address").asString()).isEqualTo(wallet.lower());
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"ATTENDEE\"]");
    }

    @Test
    void acceptsMessagesWithoutStatementOrExpiry() {
        Wallet wallet = Wallet.random();
        String message = SiweMessages.valid(wallet, nonce())
                .withStatement(null)
                .withExpirationTime(null)
                .text();
        assertThat(verify(message, wallet.sign(message)).status()).isEqualTo(200);
    }

    @Test
    void acceptsRecoveryIdZeroOrOne() {
        Wallet wallet = Wallet.random();
        String message = SiweMessages.valid(wallet, nonce()).text();
        String signature = wallet.sign(message);
        int v = Integer.parseInt(signature.substring(130), 16) - 27;
        String legacy = signature.substring(0, 130) + String.format("%02x", v);
        assertThat(verify(message, legacy).status()).isEqualTo(200);
    }

    @Test
    void configuredAdminGetsEveryRole() {
        Api.Response me = api.get("/api/me", signIn(Wallet.ADMIN).token());
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"ADMIN\",\"ATTENDEE\",\"ORGANIZER\"]");
    }

    @Test
    void adminGrantsAndRevokesOrganizer() {
        Wallet wallet = Wallet.random();
        String admin = admin().token();
        Api.Response granted = api.call("PUT", "/api/admin/organizers/" + wallet.address())
                .token(admin)
                .send();
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.json().get("roles").toString()).isEqualTo("[\"ATTENDEE\",\"ORGANIZER\"]");
        String token = signIn(wallet).token();
        assertThat(api.get("/api/me", token).json().get("roles").toString()).contains("ORGANIZER");

        Api.Response revoked = api.call("DELETE", "/api/admin/organizers/" + wallet.lower())
                .token(admin)
                .send();
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("roles").toString()).isEqualTo("[\"ATTENDEE\"]");
        assertThat(api.get("/api/me", signIn(wallet).token())
                        .json()
                        .get("roles")
                        .toString())
                .isEqualTo("[\"ATTENDEE\"]");
    }

    @Test
    void setsAUniqueEmail() {
        Session first = attendee();
        Session second = attendee();
        String email = java.util.UUID.randomUUID() + "@Example.org";
        Api.Response set = api.call("PUT", "/api/me/email")
                .token(first.token())
                .json(Map.of("email", email))
                .send();
        assertThat(set.status()).isEqualTo(200);
        assertThat(api.get("/api/me", first.token()).json().get("email").asString())
                .isEqualTo(email);

        assertProblem(
                api.call("PUT", "/api/me/email")
                        .token(second.token())
                        .json(Map.of("email", email.toLowerCase()))
                        .send(),
                409,
                "conflict");
        Api.Response invalid = api.call("PUT", "/api/me/email")
                .token(second.token())
                .json(Map.of("email", "not-an-email"))
                .send();
        assertProblem(invalid, 400, "validation");
        assertThat(invalid.json().get("errors").has("email")).isTrue();

        Api.Response cleared = api.call("PUT", "/api/me/email")
                .token(first.token())
                .json("{\"email\": null}")
                .send();
        assertThat(cleared.json().get("email").isNull()).isTrue();
    }

    @Test
    void rejectsGrantForMalformedAddress() {
        Api.Response response = api.call("PUT", "/api/admin/organizers/0x1234")
                .token(admin().token())
                .send();
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").has("address")).isTrue();
        String badChecksum =
                Wallet.random().address().replace('a', 'A').replace('b', 'B').replace('c', 'c');
        if (!badChecksum.equals(badChecksum.toLowerCase()) && !io.echain.shared.EthereumAddress.isValid(badChecksum)) {
            assertProblem(
                    api.call("PUT", "/api/admin/organizers/" + badChecksum)
                            .token(admin().token())
                            .send(),
                    400,
                    "validation");
        }
    }

    @Test
    void rejectsReplayedNonce() {
        Wallet wallet = Wallet.random();
        String message = SiweMessages.valid(wallet, nonce()).text();
        String signature = wallet.sign(message);
        assertThat(verify(message, signature).status()).isEqualTo(200);

        Api.Response replay = verify(message, signature);
        assertProblem(replay, 401, "sign-in-rejected");
        assertThat(replay.json().get("errors").has("nonce")).isTrue();
    }

    static Stream<Arguments> rejections() {
        Instant now = Instant.now();
        return Stream.of(
                rejection("unknown nonce", "nonce", (f, w) -> f.withNonce("NeverIssued12345")),
                rejection("wrong domain", "domain", (f, w) -> f.withDomain("evil.example")),
                rejection("wrong URI", "uri", (f, w) -> f.withUri("https://evil.example/login")),
                rejection("wrong chain id", "chainId", (f, w) -> f.withChainId(1)),
                rejection("expired message", "expirationTime", (f, w) -> f.withExpirationTime(now.minusSeconds(5))),
                rejection("issued in the future", "issuedAt", (f, w) -> f.withIssuedAt(now.plusSeconds(600))),
                rejection("issued too long ago", "issuedAt", (f, w) -> f.withIssuedAt(now.minusSeconds(3600))),
                rejection("not valid yet", "notBefore", (f, w) -> f.withNotBefore(now.plusSeconds(600))),
                rejection("address without EIP-55 checksum", "address", (f, w) -> f.withAddress(w.lower())),
                rejection("unsupported version", "message", (f, w) -> f.withVersion("2")));
    }

    private static Arguments rejection(
            String name, String field, BiFunction<SiweMessages.Fields, Wallet, SiweMessages.Fields> change) {
        return Arguments.of(name, field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsInvalidMessage(
            String name, String field, BiFunction<SiweMessages.Fields, Wallet, SiweMessages.Fields> change) {
        Wallet wallet = Wallet.random();
        String message =
                change.apply(SiweMessages.valid(wallet, nonce()), wallet).text();
        Api.Response response = verify(message, wallet.sign(message));
        assertProblem(response, 401, "sign-in-rejected");
        assertThat(response.json().get("errors").has(field))
                .as(response.toString())
                .isTrue();
    }

    @Test
    void aSchemeBeforeTheDomainMustBeTheOriginsScheme() {
        for (String scheme : List.of("http://", "ftp://")) {
            Wallet wallet = Wallet.random();
            String message = scheme + SiweMessages.valid(wallet, nonce()).text();
            Api.Response response = verify(message, wallet.sign(message));
            assertProblem(response, 401, "sign-in-rejected");
            assertThat(response.json().get("errors").has("scheme"))
                    .as(scheme + ": " + response)
                    .isTrue();
        }
        Wallet wallet = Wallet.random();
        String message = "https://" + SiweMessages.valid(wallet, nonce()).text();
        assertThat(verify(message, wallet.sign(message)).status())
                .as("the origin's own scheme")
                .isEqualTo(200);
    }

    @Test
    void rejectsSignatureByAnotherKey() {
        Wallet wallet = Wallet.random();
        String message = SiweMessages.valid(wallet, nonce()).text();
        Api.Response response = verify(message, Wallet.random().sign(message));
        assertProblem(response, 401, "sign-in-rejected");
        assertThat(response.json().get("errors").has("signature")).isTrue();
    }

    @Test
    void rejectsSignatureOverAnotherMessage() {
        Wallet wallet = Wallet.random();
        String message = SiweMessages.valid(wallet, nonce()).text();
        Api.Response response = verify(message, wallet.sign(message + " "));
        assertProblem(response, 401, "sign-in-rejected");
    }

    @Test
    void nonceSurvivesARejectedAttempt() {
        Wallet wallet = Wallet.random();
        String message = SiweMessages.valid(wallet, nonce()).text();
        assertProblem(verify(message, Wallet.random().sign(message)), 401, "sign-in-rejected");
        assertThat(verify(message, wallet.sign(message)).status()).isEqualTo(200);
    }

    static List<String> malformedMessages() {
        Wallet wallet = Wallet.random();
        String valid = SiweMessages.valid(wallet, "abcdefgh12345678").text();
        return List.of(
                "hello",
                valid.replace(" wants you to sign in with your Ethereum account:", " would like you to sign in:"),
                valid.replace("URI: ", "Url: "),
                valid.replace("Chain ID: ", "Chain ID: x"),
                valid.replace("Nonce: abcdefgh12345678", "Nonce: short"),
                valid.replace("Issued At: ", "Issued At: yesterday-"),
                valid + "\nUnknown Field: 1",
                valid.replace("\n\nURI", "\nURI"),
                valid.replace(wallet.address(), wallet.address().substring(0, 20)));
    }

    @ParameterizedTest
    @MethodSource("malformedMessages")
    void rejectsMalformedMessage(String message) {
        Api.Response response = verify(message, Wallet.random().sign(message));
        assertProblem(response, 401, "sign-in-rejected");
        assertThat(response.json().get("errors").has("message"))
                .as(response.toString())
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("malformedSignatures")
    void rejectsMalformedSignature(String signature) {
        Wallet wallet = Wallet.random();
        String message = SiweMessages.valid(wallet, nonce()).text();
        Api.Response response = verify(message, signature);
        assertProblem(response, 401, "sign-in-rejected");
        assertThat(response.json().get("errors").has("signature")).isTrue();
    }

    static List<String> malformedSignatures() {
        return List.of(
                "0x1234", "not-hex", "0x" + "zz".repeat(65), "0x" + "00".repeat(65), "0x" + "11".repeat(64) + "1f");
    }

    @Test
    void rejectsVerifyRequestWithoutFields() {
        Api.Response response =
                api.call("POST", "/api/auth/verify").json(Map.of()).send();
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").has("message")).isTrue();
        assertThat(response.json().get("errors").has("signature")).isTrue();
    }
}
