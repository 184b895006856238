package io.echain.identity.internal;

import io.echain.shared.RateLimitPolicy;
import io.echain.shared.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/auth", produces = "application/json")
@Tag(name = "Sign-in", description = "Sign-In with Ethereum (EIP-4361)")
class AuthController {

    private final SignInService signIn;
    private final IdentityProperties properties;
    private final SignInMetrics metrics;

    AuthController(SignInService signIn, IdentityProperties properties, SignInMetrics metrics) {
        this.signIn = signIn;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** What a wallet needs to build the message: a single-use nonce and the expected domain, URI and chain. */
    record NonceResponse(
            String nonce,
            Instant expiresAt,
            String domain,
            String uri,
            long chainId,
            String version,
            String statement) {}

    record VerifyRequest(
            @NotBlank @Size(max = 4096) String message,
            @NotBlank @Size(max = 200) String signature) {}

    record TokenResponse(
            String accessToken,
            String tokenType,
            Instant expiresAt,
            long expiresIn,
            String address,
            List<String> roles) {}

    @PostMapping("/nonce")
    @ResponseStatus(HttpStatus.CREATED)
    @RateLimited(RateLimitPolicy.SIGN_IN)
    @Operation(summary = "Get a single-use nonce for a SIWE message")
    @ApiResponse(responseCode = "201", description = "Nonce issued")
    NonceResponse nonce() {
        SignInService.NonceIssued issued = signIn.issueNonce();
        return new NonceResponse(
                issued.nonce(),
                issued.expiresAt(),
                properties.siweDomain(),
                properties.siweUri(),
                properties.chainId(),
                "1",
                properties.statement());
    }

    @PostMapping(path = "/verify", consumes = "application/json")
    @RateLimited(RateLimitPolicy.SIGN_IN)
    @Operation(
            summary = "Exchange a signed SIWE message for an access token",
            description = "Checks domain, URI, chain id, issued-at, expiry, the signer and the nonce (single use). "
                    + "Every rejection is a 401 problem naming the failing part in `errors`.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    TokenResponse verify(@Valid @RequestBody VerifyRequest request) {
        SignInService.SignedIn result;
        try {
            result = signIn.verify(request.message(), request.signature());
        } catch (SignInRejected rejected) {
            metrics.rejected(rejected);
            throw rejected;
        }
        metrics.accepted();
        TokenIssuer.Token token = result.token();
        long expiresIn =
                Math.max(0, token.expiresAt().getEpochSecond() - Instant.now().getEpochSecond());
        return new TokenResponse(
                token.value(),
                "Bearer",
                token.expiresAt(),
                expiresIn,
                result.address(),
                SignInService.names(result.roles()));
    }
}
