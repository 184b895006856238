package io.echain.identity.internal;

import java.time.Instant;
import java.util.List;

/** A user as the API shows it: address (lower case), effective roles, optional e-mail. */
record UserView(String address, List<String> roles, String email, Instant createdAt) {}
