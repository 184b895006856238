package io.echain.checkin.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code echain.checkin.*}.
 *
 * @param codeWindow how long a code is accepted after it was issued (default 60 s)
 * @param maxPass the longest validity window a holder's pass may have (default 26 h)
 * @param codeRefresh how often the holder's page makes a new code (default 15 s; must be below the window)
 */
@ConfigurationProperties("echain.checkin")
record CheckinProperties(Duration codeWindow, Duration maxPass, Duration codeRefresh) {

    /** How far a code's issuedAt may lie after the verifier's clock (the phone's clock runs ahead). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

    /** How old a synced offline scan may be. */
    static final Duration SYNC_MAX_AGE = Duration.ofDays(7);

    CheckinProperties {
        codeWindow = codeWindow == null ? Duration.ofSeconds(60) : codeWindow;
        maxPass = maxPass == null ? Duration.ofHours(26) : maxPass;
        codeRefresh = codeRefresh == null ? Duration.ofSeconds(15) : codeRefresh;
        if (codeWindow.toSeconds() < 1 || maxPass.toSeconds() < 1 || codeRefresh.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "echain.checkin.code-window, max-pass and code-refresh must be at least 1s");
        }
        if (codeRefresh.compareTo(codeWindow) >= 0) {
            throw new IllegalArgumentException("echain.checkin.code-refresh (" + codeRefresh
                    + ") must be shorter than echain.checkin.code-window (" + codeWindow + ")");
        }
    }
}
