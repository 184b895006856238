package io.echain.web.internal;

import io.echain.shared.ApiProblem;
import io.echain.shared.ProblemType;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Answers the app's client-side routes with {@code index.html} (never cached, so a new release is picked up on the
 * next load). Paths of the API, the docs and the operations endpoints are not touched; files with an extension are
 * static resources. An unknown page is a 404: the app's "page not found" for a browser, a problem for anything else.
 */
@Controller
@Hidden
class WebAppController {

    /** First path segments that belong to the server, not to the app. */
    static final String RESERVED = "api|actuator|v3|swagger-ui|webjars|health|error|assets";

    static final String ROUTES = "events|tickets|organizer|admin|door";

    private final Resource index = new ClassPathResource("static/index.html");

    @GetMapping({"/", "/{page:" + ROUTES + "}", "/{page:" + ROUTES + "}/**"})
    ResponseEntity<Resource> page() {
        return indexWith(HttpStatus.OK);
    }

    @GetMapping({
        "/{page:(?!(?:" + RESERVED + "|" + ROUTES + ")$)[A-Za-z0-9_-]+}",
        "/{page:(?!(?:" + RESERVED + "|" + ROUTES + ")$)[A-Za-z0-9_-]+}/**"
    })
    ResponseEntity<Resource> unknown(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "No resource at " + request.getRequestURI());
        }
        return indexWith(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<Resource> indexWith(HttpStatus status) {
        if (!index.exists()) {
            throw new ApiProblem(
                    ProblemType.NOT_FOUND,
                    "The web app is not part of this build: build it with the frontend module (mvn package)");
        }
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.TEXT_HTML)
                .body(index);
    }
}
