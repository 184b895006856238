package io.echain.checkin.internal;

/** Why a scan was refused, in the order the verifier checks (docs/checkin.md), with words for the door. */
enum Reason {
    MALFORMED("Not an Echain check-in code"),
    WRONG_EVENT("This code is for another event"),
    BAD_SIGNATURE("The code's signature is not valid: forged or damaged"),
    PASS_EXPIRED("The holder's pass has expired: open the ticket again"),
    CODE_EXPIRED("Code expired: ask for the live code on the holder's screen"),
    EVENT_CANCELLED("The event is cancelled"),
    NOT_ON_CHAIN("The event is not confirmed on chain yet"),
    UNKNOWN_TICKET("No such ticket for this event"),
    REFUNDED("The ticket was refunded"),
    NOT_OWNER("Not the current owner: the ticket was transferred"),
    ALREADY_CHECKED_IN("Already checked in"),
    /** A synced offline scan whose scannedAt lies in the future or more than 7 days back. */
    BAD_SCAN_TIME("The scanner's clock is wrong: scan time in the future or too old"),
    /** A synced scan the scanner refused offline although the code is valid: nobody was admitted. */
    REFUSED_OFFLINE("Refused by the scanner offline; the code itself is valid");

    private final String message;

    Reason(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }
}
