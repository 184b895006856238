package io.echain.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a handler method under a rate-limit policy: one token per request from the caller's IP bucket
 * and, when signed in, from the caller's user bucket. Exhausted buckets answer 429 with Retry-After.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    RateLimitPolicy value();
}
