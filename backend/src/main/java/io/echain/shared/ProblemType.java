package io.echain.shared;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** The stable {@code type} URIs of every problem the API answers with; clients may switch on them. */
public enum ProblemType {
    VALIDATION("validation", "Request is invalid", HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST("malformed-request", "Request cannot be read", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "Authentication required", HttpStatus.UNAUTHORIZED),
    INVALID_TOKEN("invalid-token", "Access token is invalid", HttpStatus.UNAUTHORIZED),
    SIGN_IN_REJECTED("sign-in-rejected", "Sign-in rejected", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Resource not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", "Conflict with the current state", HttpStatus.CONFLICT),
    UNPROCESSABLE("unprocessable", "Request cannot be processed", HttpStatus.UNPROCESSABLE_CONTENT),
    PRECONDITION_FAILED("precondition-failed", "Resource was changed by someone else", HttpStatus.PRECONDITION_FAILED),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PRECONDITION_REQUIRED("precondition-required", "If-Match header required", HttpStatus.PRECONDITION_REQUIRED),
    RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    UNAVAILABLE("unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    /** Base of every problem type URI; the path segment after it is the stable slug. */
    public static final String BASE = "https://echain.io/problems/";

    private final URI uri;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }
}
