package io.echain.shared.internal;

import io.echain.shared.DatabaseOutage;
import io.echain.shared.ProblemType;
import io.echain.shared.ProblemWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside Spring MVC (the servlet container, filters) with problem details too; a database
 * outage met in a filter is a 503 with {@code Retry-After}, as everywhere else. Asked for
 * directly, {@code /error} is no resource: 404.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return ResponseEntity.status(ProblemType.NOT_FOUND.status())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemWriter.problem(ProblemType.NOT_FOUND, "No resource at this path", Map.of()));
        }
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error instanceof Throwable thrown && DatabaseOutage.isCauseOf(thrown)) {
            // A filter that needed the database (the JWT's stored roles) met an outage: 503, as in the handlers.
            ProblemDetail problem = ProblemWriter.problem(
                    ProblemType.UNAVAILABLE, "The database is unavailable; try again shortly", Map.of());
            return ResponseEntity.status(ProblemType.UNAVAILABLE.status())
                    .header(HttpHeaders.RETRY_AFTER, "2")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        int status = code instanceof Integer value ? value : 500;
        ProblemType type = ProblemType.INTERNAL;
        for (ProblemType candidate : ProblemType.values()) {
            if (candidate.status().value() == status) {
                type = candidate;
                break;
            }
        }
        ProblemDetail problem = ProblemWriter.problem(type, type.title(), Map.of());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(java.net.URI.create(uri.toString()));
        }
        return ResponseEntity.status(type.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
