package io.echain.events.internal;

import io.echain.shared.ValidText;
import io.echain.shared.ValidTime;
import io.echain.shared.ValidWei;
import io.echain.shared.Wei;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The editable fields of an event, for create (POST) and full replacement (PUT). */
record EventRequest(
        @NotBlank @Size(min = 1, max = 200) @ValidText String name,
        @Size(max = 10_000) @ValidText(multiline = true) String description,
        @NotBlank @Size(max = 200) @ValidText String location,
        @NotNull @ValidTime Instant startsAt,
        @NotNull @ValidTime Instant endsAt,

        @NotNull @ValidWei
        @Schema(description = "Ticket price in wei, decimal string, 0..10^30", example = "10000000000000000")
        String priceWei,

        @NotNull @Min(1) @Max(1_000_000) Integer capacity,

        @Schema(description = "When ticket sales open (ISO-8601); default: when the event is created") @ValidTime
        Instant saleStartsAt,

        @Schema(description = "When ticket sales close (ISO-8601), at most endsAt; default: startsAt") @ValidTime
        Instant saleEndsAt,

        @Schema(
                description = "Tickets cannot be transferred until the event ends. Set on create (default false); "
                        + "fixed afterwards: a PUT may omit it or repeat it, a different value is 409")
        Boolean transferLocked) {

    BigInteger price() {
        return Wei.parse(priceWei);
    }

    String descriptionOrEmpty() {
        return description == null ? "" : description;
    }

    boolean transferLockedOrDefault() {
        return Boolean.TRUE.equals(transferLocked);
    }

    /**
     * Rules across fields; {@code previousStart} is null on create. {@code createdAt} is when the event was (or is
     * being) created: sales open then unless {@code saleStartsAt} says otherwise. The sale window must satisfy
     * saleStartsAt < saleEndsAt <= endsAt, with the defaults (creation time, startsAt) for what is not given.
     */
    Map<String, String> crossFieldErrors(Instant now, Instant previousStart, Instant createdAt) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!endsAt.isAfter(startsAt)) {
            errors.put("endsAt", "must be after startsAt");
        }
        boolean startChanged = previousStart == null || !previousStart.equals(startsAt);
        if (startChanged && !startsAt.isAfter(now)) {
            errors.put("startsAt", "must be in the future");
        }
        Instant saleEnd = saleEndsAt != null ? saleEndsAt : startsAt;
        if (saleEndsAt != null && saleEndsAt.isAfter(endsAt)) {
            errors.put("saleEndsAt", "must not be after endsAt");
        } else if (saleStartsAt != null && !saleStartsAt.isBefore(saleEnd)) {
            errors.put(
                    saleEndsAt != null ? "saleEndsAt" : "saleStartsAt",
                    saleEndsAt != null
                            ? "must be after saleStartsAt"
                            : "must be before startsAt (when sales close unless saleEndsAt is set)");
        } else if (saleStartsAt == null && saleEndsAt != null && !saleEndsAt.isAfter(createdAt)) {
            errors.put("saleEndsAt", "must be after the event's creation (when sales open unless saleStartsAt is set)");
        }
        return errors;
    }
}
