package io.echain.events.internal;

/** Event ETags are the quoted version number, e.g. {@code "3"}; If-Match {@code *} matches any version. */
final class ETags {

    private ETags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version If-Match asks for; null for {@code *}. A missing header is a 428. */
    static Long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new EventProblems.IfMatchRequired();
        }
        return optionalVersion(ifMatch);
    }

    static Long optionalVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1L; // matches no version: 412
        }
    }
}
