package io.echain.shared.internal;

import io.echain.shared.ProblemType;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers (requests it refuses before they reach the application: an illegal character in the
 * request target, an encoded slash, a broken %-escape, a header over the size limit) as RFC 9457 problems instead of
 * its HTML page. Public with a no-argument constructor: Tomcat instantiates it as the host's error report valve.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemType type = status == 400 ? ProblemType.MALFORMED_REQUEST : null;
        for (ProblemType candidate : ProblemType.values()) {
            if (type == null && candidate.status().value() == status) {
                type = candidate;
            }
        }
        String slug = type == null ? "http-" + status : type.uri().toString().substring(ProblemType.BASE.length());
        String title = type == null ? "HTTP " + status : type.title();
        String detail = status == 400
                ? "The request line, a header or the URL's encoding is malformed, or a header is too large"
                : title;
        String body = "{\"type\":\"" + ProblemType.BASE + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response cannot be written any more
        }
    }
}
