package io.echain.identity.internal;

import io.echain.shared.ApiProblem;
import io.echain.shared.ProblemType;
import java.util.Map;

/** A SIWE verification that failed: always 401, with the offending part of the message named. */
class SignInRejected extends ApiProblem {

    SignInRejected(String field, String reason) {
        super(ProblemType.SIGN_IN_REJECTED, "Sign-in rejected: " + field + " " + reason, Map.of(field, reason));
    }
}
