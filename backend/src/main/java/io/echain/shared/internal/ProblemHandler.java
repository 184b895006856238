package io.echain.shared.internal;

import io.echain.shared.ApiProblem;
import io.echain.shared.ProblemType;
import io.echain.shared.ProblemWriter;
import io.echain.shared.RateLimitExceeded;
import io.echain.shared.ServiceUnavailable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * The one place where exceptions become RFC 9457 problem details: stable {@link ProblemType} URIs, a
 * readable detail and, for bad input, an {@code errors} map per field. Nothing internal leaks.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final java.util.regex.Pattern DUPLICATE_KEY =
            java.util.regex.Pattern.compile("Duplicate (?:Object property|field) \"([^\"]{1,100})\"");

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> handleApiProblem(ApiProblem ex) {
        HttpHeaders headers = new HttpHeaders();
        if (ex instanceof RateLimitExceeded limited) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        } else if (ex instanceof ServiceUnavailable unavailable) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfterSeconds()));
        }
        return respond(ProblemWriter.problem(ex.type(), ex.getMessage(), ex.errors()), headers);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowToSecurity(RuntimeException ex) {
        throw ex; // Spring Security's problem entry point and access-denied handler answer these.
    }

    /** Tomcat parses parameters lazily: a broken %-escape in the query surfaces when a handler reads them. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> handleUndecodableParameters(org.apache.tomcat.util.http.InvalidParameterException ex) {
        return respond(
                ProblemWriter.problem(
                        ProblemType.MALFORMED_REQUEST, "A query parameter is not valid %-encoded UTF-8", Map.of()),
                new HttpHeaders());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleIntegrity(DataIntegrityViolationException ex) {
        if (isDataException(ex)) {
            // SQLSTATE class 22: a value the database cannot store (NUL in text, a date out of range). Validation
            // names the field first; this is the safety net for an input no rule covers yet.
            log.warn(
                    "Invalid data reached the database: {}",
                    ex.getMostSpecificCause().getMessage());
            return respond(
                    ProblemWriter.problem(
                            ProblemType.VALIDATION, "A value is out of range or not valid text", Map.of()),
                    new HttpHeaders());
        }
        log.info("Integrity violation: {}", ex.getMostSpecificCause().getMessage());
        return respond(
                ProblemWriter.problem(ProblemType.CONFLICT, "The change conflicts with existing data", Map.of()),
                new HttpHeaders());
    }

    /** No database connection within the pool's timeout (overload): a 503 the client may retry, not a 500. */
    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<Object> handleNoConnection(NestedRuntimeException ex) {
        log.warn("No database connection: {}", ex.getMostSpecificCause().getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return respond(
                ProblemWriter.problem(ProblemType.UNAVAILABLE, "The service is busy; retry shortly", Map.of()),
                headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return respond(
                ProblemWriter.problem(ProblemType.INTERNAL, "An unexpected error occurred", Map.of()),
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = translate(ex, statusCode);
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private ProblemDetail translate(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case MethodArgumentNotValidException e -> validation(e.getBindingResult());
            case HandlerMethodValidationException e -> validation(e);
            case HttpMessageNotReadableException e -> unreadable(e);
            case TypeMismatchException e ->
                ProblemWriter.problem(
                        ProblemType.VALIDATION,
                        "Parameter '" + e.getPropertyName() + "' has an invalid value",
                        Map.of(String.valueOf(e.getPropertyName()), "has an invalid value: '" + e.getValue() + "'"));
            case MissingServletRequestParameterException e ->
                ProblemWriter.problem(
                        ProblemType.VALIDATION,
                        "Parameter '" + e.getParameterName() + "' is required",
                        Map.of(e.getParameterName(), "is required"));
            case MissingRequestHeaderException e ->
                ProblemWriter.problem(
                        ProblemType.VALIDATION,
                        "Header '" + e.getHeaderName() + "' is required",
                        Map.of(e.getHeaderName(), "is required"));
            case NoResourceFoundException e ->
                ProblemWriter.problem(ProblemType.NOT_FOUND, "No resource at this path", Map.of());
            case HttpRequestMethodNotSupportedException e ->
                ProblemWriter.problem(
                        ProblemType.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not supported here", Map.of());
            case HttpMediaTypeNotSupportedException e ->
                ProblemWriter.problem(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "Content type " + e.getContentType() + " is not supported; send application/json",
                        Map.of());
            case HttpMediaTypeNotAcceptableException e ->
                ProblemWriter.problem(
                        ProblemType.NOT_ACCEPTABLE, "This resource is available as application/json", Map.of());
            case MaxUploadSizeExceededException e ->
                ProblemWriter.problem(ProblemType.PAYLOAD_TOO_LARGE, "Request body is larger than the limit", Map.of());
            default -> genericFor(ex, status);
        };
    }

    private ProblemDetail genericFor(Exception ex, HttpStatusCode status) {
        for (ProblemType type : ProblemType.values()) {
            if (type.status().value() == status.value()) {
                return ProblemWriter.problem(type, type.title(), Map.of());
            }
        }
        log.warn("Unmapped framework exception {}", ex.toString());
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(java.net.URI.create(ProblemType.BASE + "http-" + status.value()));
        return problem;
    }

    private ProblemDetail validation(BindingResult result) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            String message = error.isBindingFailure()
                    ? "has an invalid value: '" + error.getRejectedValue() + "'"
                    : error.getDefaultMessage();
            errors.merge(error.getField(), message, (a, b) -> a + "; " + b);
        }
        result.getGlobalErrors()
                .forEach(e -> errors.merge(e.getObjectName(), e.getDefaultMessage(), (a, b) -> a + "; " + b));
        return ProblemWriter.problem(
                ProblemType.VALIDATION, "Request has invalid fields: " + String.join(", ", errors.keySet()), errors);
    }

    private ProblemDetail validation(HandlerMethodValidationException ex) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getParameterValidationResults().forEach(r -> {
            String name = r.getMethodParameter().getParameterName();
            r.getResolvableErrors()
                    .forEach(e -> errors.merge(String.valueOf(name), e.getDefaultMessage(), (a, b) -> a + "; " + b));
        });
        return ProblemWriter.problem(
                ProblemType.VALIDATION, "Request has invalid fields: " + String.join(", ", errors.keySet()), errors);
    }

    private ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        JacksonException jackson = jacksonCause(ex);
        if (jackson != null) {
            String field = fieldPath(jackson);
            return ProblemWriter.problem(
                    ProblemType.VALIDATION,
                    "Field '" + field + "' has a wrong type or an unknown value",
                    Map.of(field, "has a wrong type or an unknown value"));
        }
        java.util.regex.Matcher duplicate =
                DUPLICATE_KEY.matcher(String.valueOf(ex.getMostSpecificCause().getMessage()));
        if (duplicate.find()) {
            return ProblemWriter.problem(
                    ProblemType.MALFORMED_REQUEST,
                    "Field '" + duplicate.group(1) + "' appears more than once in the request body",
                    Map.of());
        }
        return ProblemWriter.problem(
                ProblemType.MALFORMED_REQUEST, "Request body is missing or not well-formed JSON", Map.of());
    }

    private static JacksonException jacksonCause(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return jackson;
            }
        }
        return null;
    }

    private static String fieldPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static boolean isDataException(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
