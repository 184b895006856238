package io.echain.shared;

import java.util.Map;

/**
 * An error meant for the client: the shared problem handler turns it into an RFC 9457 response with
 * the type's status, this detail and, for validation problems, an {@code errors} map per field.
 * Modules subclass it with domain names ({@code EventNotFound}, {@code SignInRejected}).
 */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final Map<String, String> errors;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ApiProblem(ProblemType type, String detail, Map<String, String> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = Map.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
