package org.convene.meeting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * What every calendar file of the app shares (the agenda's {@code .ics} here, the invitations' entries
 * in the invitation module): the venue's VTIMEZONE built from Java's own zone rules, and the text
 * folded by octets.
 *
 * <p>The VTIMEZONE is built from {@link ZoneId#getRules()} (today's tz data): the observance in force
 * at the start and the transitions up to the first after the end, no more. iCal4j's bundled definition
 * of Asia/Amman is some 100 lines of RDATEs, and the old "outlook" definitions (2015 data) give the
 * wrong hour for Amman (UTC+3 all year since October 2022).
 *
 * <p>Folds iCalendar content lines at 75 octets of UTF-8, as RFC 5545 §3.1 says, without ever cutting a
 * character's bytes apart. iCal4j's {@code FoldingWriter} counts chars (UTF-16 code units), not
 * octets: a line of Arabic or accented text it folds at 73 chars may be twice as long on the wire,
 * and Outlook and Gmail refuse or garble such lines. So the calendar is written unfolded
 * ({@code Calendar.toString()}) and folded here.
 */
public final class IcsWriting {

    /** The longest line RFC 5545 allows, in octets, without the CRLF. */
    static final int LINE_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private IcsWriting() {
    }

    /**
     * The text with every content line folded: a line longer than 75 octets is broken before the
     * character that would pass 75, and each continuation line starts with one space (which counts
     * toward its 75). Lines end with CRLF; a trailing line break is kept.
     *
     * @param unfolded content lines separated by CRLF (a lone LF is taken as a line break too)
     */
    public static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        String[] lines = unfolded.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break;
            }
            foldLine(lines[i], out);
            out.append(CRLF);
        }
        return out.toString();
    }

    /** The calendar as text, folded by {@link #fold}. */
    public static String write(Calendar calendar) {
        return fold(calendar.toString());
    }

    /**
     * The zone's VTIMEZONE for events from {@code start} to {@code end}: the observance in force at
     * the start (from the zone's last transition before it; for a zone that never changed, one
     * STANDARD from 1970), each transition until the end, and the first one after it.
     */
    public static VTimeZone timeZone(ZoneId zone, Instant start, Instant end) {
        ZoneRules rules = zone.getRules();
        List<Observance> observances = new ArrayList<>();
        ZoneOffsetTransition transition = rules.previousTransition(start.plusSeconds(1));
        if (transition == null) {
            ZoneOffset offset = rules.getOffset(start);
            observances.add(observance(false, LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset));
            transition = rules.nextTransition(start);
        }
        boolean first = true;
        while (transition != null) {
            // the first: as it stands at the start (Amman's +03 began as summer time in February 2022
            // and became standard time in October 2022, with no change of offset and so no transition)
            Instant when = first ? start : transition.getInstant();
            observances.add(observance(rules.isDaylightSavings(when), transition.getDateTimeBefore(),
                    transition.getOffsetBefore(), transition.getOffsetAfter()));
            first = false;
            if (transition.getInstant().isAfter(end)) {
                break;
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        VTimeZone timeZone = new VTimeZone();
        timeZone.add(new TzId(zone.getId()));
        observances.forEach(timeZone::add);
        return timeZone;
    }

    private static Observance observance(boolean daylight, LocalDateTime onset, ZoneOffset from, ZoneOffset to) {
        Observance observance = daylight ? new Daylight() : new Standard();
        observance.add(new DtStart<>(onset));
        observance.add(new TzOffsetFrom(from));
        observance.add(new TzOffsetTo(to));
        return observance;
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        for (int at = 0; at < line.length(); ) {
            int codePoint = line.codePointAt(at);
            int size = utf8Octets(codePoint);
            if (octets + size > LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            at += Character.charCount(codePoint);
        }
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        if (codePoint < 0x10000) {
            return Character.isSurrogate((char) codePoint) ? 1 : 3; // a lone surrogate is written as '?'
        }
        return 4;
    }
}
