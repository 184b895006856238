package io.echain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.echain.support.Api;
import io.echain.support.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resource server accepts only our own, unexpired HS256 tokens. */
class AccessTokenIntegrationTest extends ApiIntegrationTest {

    private static final String SECRET = "test-secret-for-integration-tests-only-0123456789";

    @Test
    void acceptsATokenSignedWithTheConfiguredSecret() throws JOSEException {
        String token = hs256(SECRET, claims("echain", Instant.now().plusSeconds(300), List.of("ADMIN")));
        assertThat(api.get("/api/me", token).status()).isIn(200, 404);
    }

    @Test
    void rejectsMissingToken() {
        Api.Response response = api.get("/api/me");
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void rejectsExpiredToken() throws JOSEException {
        String token = hs256(SECRET, claims("echain", Instant.now().minusSeconds(120), List.of("ATTENDEE")));
        Api.Response response = api.get("/api/me", token);
        assertProblem(response, 401, "invalid-token");
        assertThat(response.json().get("detail").asString()).contains("expired");
    }

    @Test
    void rejectsTamperedToken() {
        String token = attendee().token();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"ATTENDEE\"", "\"ADMIN\"");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertProblem(api.get("/api/me", forged), 401, "invalid-token");
        assertProblem(
                api.call("PUT", "/api/admin/organizers/0x" + "1".repeat(40))
                        .token(forged)
                        .send(),
                401,
                "invalid-token");
    }

    @Test
    void rejectsUnsignedAlgNoneToken() {
        String token = new PlainJWT(claims("echain", Instant.now().plusSeconds(300), List.of("ADMIN"))).serialize();
        assertProblem(api.get("/api/me", token), 401, "invalid-token");
    }

    @Test
    void rejectsTokenSignedWithAnotherSecret() throws JOSEException {
        String token = hs256(
                "another-secret-another-secret-another-secret",
                claims("echain", Instant.now().plusSeconds(300), List.of("ADMIN")));
        assertProblem(api.get("/api/me", token), 401, "invalid-token");
    }

    @Test
    void rejectsTokenFromAnotherIssuer() throws JOSEException {
        String token = hs256(SECRET, claims("someone-else", Instant.now().plusSeconds(300), List.of("ADMIN")));
        assertProblem(api.get("/api/me", token), 401, "invalid-token");
    }

    @Test
    void aRevokedOrganizerCannotWriteWithTheTokenItAlreadyHas() {
        Session organizer = organizer();
        long id = createEvent(organizer).get("id").asLong();
        Api.Response revoked = api.call(
                        "DELETE", "/api/admin/organizers/" + organizer.wallet().address())
                .token(admin().token())
                .send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

        assertProblem(
                api.call("POST", "/api/events")
                        .token(organizer.token())
                        .json(eventBody("After revoke"))
                        .send(),
                403,
                "forbidden");
        assertProblem(
                api.call("PUT", "/api/events/" + id)
                        .token(organizer.token())
                        .header("If-Match", "*")
                        .json(eventBody("After revoke"))
                        .send(),
                403,
                "forbidden");
        assertProblem(
                api.call("DELETE", "/api/events/" + id).token(organizer.token()).send(), 403, "forbidden");
        assertThat(api.get("/api/me", organizer.token()).json().get("roles").toString())
                .isEqualTo("[\"ATTENDEE\"]");

        api.call("PUT", "/api/admin/organizers/" + organizer.wallet().address())
                .token(admin().token())
                .send();
        assertThat(api.call("POST", "/api/events")
                        .token(organizer.token())
                        .json(eventBody("Granted again"))
                        .send()
                        .status())
                .as("a grant takes effect at once too")
                .isEqualTo(201);
    }

    @Test
    void rolesInATokenGrantNothingTheStoredRoleDoesNot() throws JOSEException {
        String token = hs256(SECRET, claims("echain", Instant.now().plusSeconds(300), List.of("ADMIN", "ORGANIZER")));
        assertProblem(
                api.call("PUT", "/api/admin/organizers/0x" + "1".repeat(40))
                        .token(token)
                        .send(),
                403,
                "forbidden");
        assertProblem(
                api.call("POST", "/api/events")
                        .token(token)
                        .json(eventBody("Forged"))
                        .send(),
                403,
                "forbidden");
    }

    @Test
    void rejectsGarbageToken() {
        assertProblem(api.get("/api/me", "not.a.jwt"), 401, "invalid-token");
    }

    @Test
    void rejectsBadTokenEvenOnPublicEndpoints() {
        assertProblem(api.get("/api/events", "not.a.jwt"), 401, "invalid-token");
    }

    private static JWTClaimsSet claims(String issuer, Instant expiresAt, List<String> roles) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("0x" + "ab".repeat(20))
                .issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                .claim("roles", roles)
                .build();
    }

    private static String hs256(String secret, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
