package io.echain.identity.internal;

import io.echain.shared.ProblemType;
import io.echain.shared.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Spring Security's 401 and 403 answers, as problem details like every other error. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemSecurityHandlers(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (ex instanceof InvalidBearerTokenException || request.getHeader("Authorization") != null) {
            String detail = String.valueOf(ex.getMessage()).contains("expired")
                    ? "The access token has expired; sign in again"
                    : "The access token is malformed, wrongly signed or not issued by Echain";
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(response, ProblemType.INVALID_TOKEN, detail, request.getRequestURI());
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        problems.write(
                response,
                ProblemType.UNAUTHENTICATED,
                "Sign in with Ethereum and send the access token as 'Authorization: Bearer <token>'",
                request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        problems.write(
                response, ProblemType.FORBIDDEN, "Your roles do not allow this request", request.getRequestURI());
    }
}
