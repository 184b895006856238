package io.echain.shared;

import java.util.Map;

/** A 400 for rules Bean Validation cannot express (ranges across fields, sort keys), with field messages. */
public class InvalidRequest extends ApiProblem {

    public InvalidRequest(Map<String, String> errors) {
        super(ProblemType.VALIDATION, "Request has invalid fields: " + String.join(", ", errors.keySet()), errors);
    }
}
