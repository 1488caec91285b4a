package org.yqsentinel.alerting.routing;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A daily span of local time in which a route sends no SMS (Ⅰ红 excepted): {@code 22:00-07:00} runs over
 * midnight, {@code 12:00-13:30} does not. The start is inside, the end is not.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    /** {@code HH:MM-HH:MM}, or empty when the text is not of that form or the two times are equal. */
    public static Optional<QuietHours> parse(String text) {
        String[] parts = text.strip().split("-");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            LocalTime from = LocalTime.parse(parts[0].strip());
            LocalTime to = LocalTime.parse(parts[1].strip());
            return from.equals(to) ? Optional.empty() : Optional.of(new QuietHours(from, to));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean contains(LocalTime time) {
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
