package io.echain.identity.internal;

import io.echain.identity.Caller;
import io.echain.identity.Role;
import io.echain.shared.ApiProblem;
import io.echain.shared.EthereumAddress;
import io.echain.shared.ProblemType;
import io.echain.shared.RateLimitPolicy;
import io.echain.shared.RateLimited;
import io.echain.shared.ValidText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "The signed-in user and role administration")
@SecurityRequirement(name = "bearer")
class AccountController {

    private final Users users;
    private final Roles roles;

    AccountController(Users users, Roles roles) {
        this.users = users;
        this.roles = roles;
    }

    @GetMapping(path = "/api/me", produces = "application/json")
    @Operation(
            summary =
                    "The signed-in user with its roles now (a grant or revoke takes effect at once, whatever the token says)")
    @ApiResponse(responseCode = "200", description = "The caller")
    UserView me(Authentication authentication) {
        String address = Caller.from(authentication).address();
        Users.User user =
                users.find(address).orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No user for this token"));
        return view(user);
    }

    record EmailChange(@Email @Size(max = 320) @ValidText String email) {}

    @PutMapping(path = "/api/me/email", consumes = "application/json", produces = "application/json")
    @RateLimited(RateLimitPolicy.WRITE)
    @Operation(summary = "Set (or, with null, clear) the signed-in user's e-mail; unique across users")
    @ApiResponse(responseCode = "200", description = "The caller")
    @ApiResponse(
            responseCode = "409",
            description = "Another user has this e-mail",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    UserView changeEmail(@Valid @RequestBody EmailChange change, Authentication authentication) {
        String address = Caller.from(authentication).address();
        String email = change.email() == null || change.email().isBlank()
                ? null
                : change.email().trim();
        return view(users.setEmail(address, email)
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No user for this token")));
    }

    @PutMapping(path = "/api/admin/organizers/{address}", produces = "application/json")
    @RateLimited(RateLimitPolicy.WRITE)
    @Operation(summary = "Grant the ORGANIZER role (admins only); creates the user if it never signed in")
    @ApiResponse(responseCode = "200", description = "The user with the role")
    UserView grantOrganizer(@PathVariable String address) {
        return view(users.setRole(EthereumAddress.normalize(address, "address"), Role.ORGANIZER));
    }

    @DeleteMapping(path = "/api/admin/organizers/{address}", produces = "application/json")
    @RateLimited(RateLimitPolicy.WRITE)
    @Operation(summary = "Revoke the ORGANIZER role (admins only); their events stay theirs")
    @ApiResponse(responseCode = "200", description = "The user without the role")
    UserView revokeOrganizer(@PathVariable String address) {
        return view(users.setRole(EthereumAddress.normalize(address, "address"), Role.ATTENDEE));
    }

    private UserView view(Users.User user) {
        return new UserView(
                user.address(),
                SignInService.names(roles.effective(user.address(), user.role())),
                user.email(),
                user.createdAt());
    }
}
