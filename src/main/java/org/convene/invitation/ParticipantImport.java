package org.convene.invitation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.meeting.Meetings;
import org.convene.workflow.ChangeRefused;
import org.springframework.stereotype.Component;

/**
 * Adds the participants of the secretariat's spreadsheet (a CSV file as Excel or LibreOffice save
 * it: {@link ParticipantSpreadsheet}) to a meeting's list or reserve list, each row checked as if a
 * person typed it on the participant page ({@link Participants#add}). Rows that pass are added,
 * rows that do not are refused with their row number and why; not all or nothing. A row is
 * refused as a duplicate when its address is already listed for the meeting or appears on an
 * earlier row of the file, so importing the same file twice (a confirm clicked twice) adds no one
 * the second time. Each row is stored in its own transaction: the database's one-address-per-
 * meeting rule settles two imports running at once.
 */
@Component
public class ParticipantImport {

    /**
     * A row that is added (or, in a preview, would be): its row number in the spreadsheet, the id
     * it was stored under (null in a preview), and the participant as stored: title label (may be
     * null), name, organisation, category code and label, e-mail (lower case), country and language
     * (may be null), role label, {@code list} "participant" or "reserve".
     */
    public record Added(long row, Long id, String title, String name, String organisation, String category,
                        String categoryLabel, String email, String country, String language, String role, String list) {

        boolean reserve() {
            return "reserve".equals(list);
        }
    }

    /** A row that is not added: its row number in the spreadsheet and why, in words a person can act on. */
    public record Refused(long row, String reason) implements java.io.Serializable {
    }

    /**
     * What an import added or would add, and what it refused, each in row order; the columns of the
     * file that were not read (as its header names them).
     */
    public record Result(List<Added> added, List<Refused> refused, List<String> ignoredColumns) {

        /** How many of the added are on the participant list (not the reserve). */
        public long listed() {
            return added.stream().filter(a -> !a.reserve()).count();
        }

        /** How many of the added are on the reserve list. */
        public long reserved() {
            return added.size() - listed();
        }
    }

    private final Participants participants;
    private final Meetings meetings;

    ParticipantImport(Participants participants, Meetings meetings) {
        this.participants = participants;
        this.meetings = meetings;
    }

    /**
     * What {@link #add} would do with the file now, storing nothing.
     *
     * @param file the bytes of the CSV file, as uploaded
     * @throws ChangeRefused keyed {@code file} when the file is no CSV or names no usable columns
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown meeting
     */
    public Result preview(String meetingCode, byte[] file) {
        return run(meetingCode, file, false);
    }

    /**
     * Adds every row that passes the checks; refuses the others.
     *
     * @param file the bytes of the CSV file, as uploaded
     * @throws ChangeRefused keyed {@code file} when the file is no CSV or names no usable columns (nothing added)
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown meeting
     */
    public Result add(String meetingCode, byte[] file) {
        return run(meetingCode, file, true);
    }

    private Result run(String meetingCode, byte[] file, boolean store) {
        meetings.get(meetingCode);
        ParticipantSpreadsheet.Sheet sheet = ParticipantSpreadsheet.read(file);
        List<Added> added = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Map<String, ParticipantSpreadsheet.Row> earlier = new HashMap<>();
        for (ParticipantSpreadsheet.Row row : sheet.rows()) {
            if (row.refusal() != null) {
                refused.add(new Refused(row.number(), row.refusal()));
                continue;
            }
            String email = ParticipantInput.email(row.person().email(), new LinkedHashMap<>());
            ParticipantSpreadsheet.Row first = email == null ? null : earlier.get(email);
            if (first != null) {
                refused.add(new Refused(row.number(), "The address " + email + " is on row " + first.number()
                        + " already (" + ParticipantInput.strip(first.person().name()) + "); each address is listed once."));
                continue;
            }
            try {
                Participants.Checked checked = participants.check(meetingCode, row.person());
                Long id = store ? participants.add(meetingCode, row.person()) : null;
                added.add(added(row.number(), id, checked));
                earlier.put(email, row);
            } catch (ChangeRefused refusal) {
                refused.add(new Refused(row.number(), String.join(" ", refusal.fieldErrors().values())));
            }
        }
        return new Result(added, refused, sheet.ignoredColumns());
    }

    private static Added added(long row, Long id, Participants.Checked p) {
        return new Added(row, id, p.title() == null ? null : p.title().label(), p.name(), p.organisation(),
                p.category().name(), p.category().label(), p.email(), p.country(), p.language(), p.role().label(),
                p.reserve() ? "reserve" : "participant");
    }
}
