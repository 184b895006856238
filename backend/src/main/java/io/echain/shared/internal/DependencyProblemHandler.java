package io.echain.shared.internal;

import io.echain.shared.DatabaseOutage;
import io.echain.shared.ProblemType;
import io.echain.shared.ProblemWriter;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A database that cannot be reached is a 503 with {@code Retry-After}, never a 500: no connection within the
 * deadline, the server gone in the middle of a transaction, or the circuit breaker open. Consulted before
 * {@link ProblemHandler}; other failures of these types stay 500 {@code internal}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DependencyProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(DependencyProblemHandler.class);

    private final long retryAfterSeconds;

    DependencyProblemHandler(@Value("${echain.resilience.database.retry-after:2s}") Duration retryAfter) {
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class,
        TransactionSystemException.class,
        RecoverableDataAccessException.class,
        TransientDataAccessResourceException.class,
        QueryTimeoutException.class
    })
    ResponseEntity<ProblemDetail> handleDatabaseFailure(RuntimeException ex) {
        if (!DatabaseOutage.isCauseOf(ex) && !(ex instanceof QueryTimeoutException)) {
            log.error("Unexpected error", ex);
            return ResponseEntity.internalServerError()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemWriter.problem(ProblemType.INTERNAL, "An unexpected error occurred", Map.of()));
        }
        log.debug("Database unavailable: {}", ex.toString());
        return ResponseEntity.status(ProblemType.UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemWriter.problem(
                        ProblemType.UNAVAILABLE, "The database is unavailable; try again shortly", Map.of()));
    }
}
