package org.convene.meeting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One expert meeting, known by its code (the business key of its process instances): title, venue,
 * the venue's time zone, its first day in the venue's calendar and how many days it lasts (1 to 5).
 */
public record Meeting(String code, String title, String place, ZoneId timeZone, LocalDate firstDay,
                      int numberOfDays) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** The meeting's last day, in the venue's calendar. */
    public LocalDate lastDay() {
        return firstDay.plusDays(numberOfDays - 1L);
    }

    /** The days as people read them: {@code 8–9 February 2027}; {@code 30 June – 1 July 2027}; {@code 8 February 2027}. */
    public String datesLabel() {
        LocalDate last = lastDay();
        if (numberOfDays == 1) {
            return FULL.format(firstDay);
        }
        if (firstDay.getMonth() == last.getMonth() && firstDay.getYear() == last.getYear()) {
            return DAY.format(firstDay) + "–" + FULL.format(last);
        }
        if (firstDay.getYear() == last.getYear()) {
            return DAY_MONTH.format(firstDay) + " – " + FULL.format(last);
        }
        return FULL.format(firstDay) + " – " + FULL.format(last);
    }
}
