package io.echain.events.internal;

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
        @NotBlank @Size(min = 1, max = 200) String name,
        @Size(max = 10_000) String description,
        @NotBlank @Size(max = 200) String location,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @NotNull @ValidWei @Schema(description = "Ticket price in wei, decimal string, 0..10^30", example = "10000000000000000")
        String priceWei,
        @NotNull @Min(1) @Max(1_000_000) Integer capacity) {

    BigInteger price() {
        return Wei.parse(priceWei);
    }

    String descriptionOrEmpty() {
        return description == null ? "" : description;
    }

    /** Rules across fields; {@code previousStart} is null on create. */
    Map<String, String> crossFieldErrors(Instant now, Instant previousStart) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!endsAt.isAfter(startsAt)) {
            errors.put("endsAt", "must be after startsAt");
        }
        boolean startChanged = previousStart == null || !previousStart.equals(startsAt);
        if (startChanged && !startsAt.isAfter(now)) {
            errors.put("startsAt", "must be in the future");
        }
        return errors;
    }
}
