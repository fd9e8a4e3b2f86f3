package org.convene.invitation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.convene.meeting.ConceptNotes;
import org.convene.meeting.Meetings;
import org.convene.meeting.ParticipantCategory;
import org.convene.workflow.ChangeRefused;
import org.convene.workflow.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participant list of a meeting, by category, with its reserve list, and what its tasks show
 * of it (the managers' reviews of it: {@link ParticipantListReviews}). Every change is checked
 * here, whoever calls: a refused change stores nothing and says why ({@link ChangeRefused}). Once
 * invited, a participant stays where they are: their seat is settled by their reply (or a
 * replacement), not by editing the list.
 */
@Component("participants")
public class Participants {

    /**
     * A participant of a meeting, on the list or the reserve list, as the secretariat records them:
     * {@code title} (may be null), name, organisation, category, the e-mail address (stripped, in
     * lower case: how addresses are compared), {@code country} and {@code language} as written (may
     * be null), the role at the meeting; {@code invitationStatus} is null until the invitation is sent.
     */
    public record Participant(long id, String meetingCode, ParticipantTitle title, String name, String organisation,
                              ParticipantCategory category, String email, String country, String language,
                              MeetingRole role, boolean reserve, InvitationStatus invitationStatus) {

        /** {@code Amira Khalil, Ministry of Interior (Senior government representatives)}. */
        public String display() {
            return nameAndOrganisation() + " (" + category.label() + ")";
        }

        /** {@code Amira Khalil, Ministry of Interior}. */
        public String nameAndOrganisation() {
            return name + ", " + organisation;
        }

        /** The name with the title before it, as a letter addresses the person: {@code Dr Hana Yusuf}, {@code Peter Mwangi}. */
        public String fullName() {
            return title == null ? name : title.label() + " " + name;
        }

        public boolean invited() {
            return invitationStatus != null;
        }
    }

    /**
     * A participant as typed into the participant page or read from a spreadsheet row: text,
     * checked by {@link #add(String, NewParticipant)}. {@code title}, {@code country},
     * {@code language} and {@code role} may be null or blank (a role left blank is participant).
     */
    public record NewParticipant(String title, String name, String organisation, String category, String email,
                                 String country, String language, String role, Boolean reserve) {

        /** Name, organisation, category, e-mail and list only: no title, country or language; participant. */
        public static NewParticipant of(String name, String organisation, String category, String email, Boolean reserve) {
            return new NewParticipant(null, name, organisation, category, email, null, null, null, reserve);
        }
    }

    private static final String SELECT = """
            select p.*, i.status as invitation_status from cv_participant p
            left join cv_invitation i on i.participant_id = p.id and i.meeting_code = p.meeting_code""";

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final ConceptNotes conceptNotes;

    Participants(JdbcClient jdbc, Meetings meetings, ConceptNotes conceptNotes) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.conceptNotes = conceptNotes;
    }

    /**
     * Adds a participant to the list or the reserve (the seed's and the tests' way): no title,
     * country or language, role participant; see {@link #add(String, NewParticipant)}.
     *
     * @return the participant's id
     * @throws ChangeRefused when a field breaks a rule or the address is listed already
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown meeting
     */
    public long add(String meetingCode, String name, String organisation, ParticipantCategory category,
                    String email, boolean reserve) {
        return add(meetingCode, NewParticipant.of(name, organisation, category.name(), email, reserve));
    }

    /**
     * Adds a participant to the list or the reserve, stamped by the engine's clock; an e-mail
     * address is taken once per meeting, compared stripped (no-break spaces and zero-width
     * characters included) and in lower case, as it is stored.
     *
     * @return the participant's id
     * @throws ChangeRefused naming each field that breaks a rule ({@code title}, {@code name},
     *         {@code organisation}, {@code category}, {@code email}, {@code country}, {@code language},
     *         {@code role}); nothing is stored
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown meeting
     */
    @Transactional
    public long add(String meetingCode, NewParticipant person) {
        Checked p = check(meetingCode, person);
        KeyHolder id = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into cv_participant (meeting_code, title, name, organisation, category, email, country,
                        language, meeting_role, reserve, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(meetingCode, p.title() == null ? null : p.title().name(), p.name(), p.organisation(),
                            p.category().name(), p.email(), p.country(), p.language(), p.role().name(), p.reserve(),
                            EngineClock.now())
                    .update(id, "id");
        } catch (DuplicateKeyException sameTimeSameAddress) {
            throw new ChangeRefused(Map.of("email", "The address " + p.email()
                    + " was added to this meeting a moment ago; each address is listed once."));
        }
        return id.getKeyAs(Number.class).longValue();
    }

    /** A participant's fields as {@link #check} read them, ready to store; title, country and language may be null. */
    record Checked(ParticipantTitle title, String name, String organisation, ParticipantCategory category, String email,
                   String country, String language, MeetingRole role, boolean reserve) {
    }

    /**
     * Reads and checks a participant as {@link #add(String, NewParticipant)} does, against the
     * meeting's list as it stands, storing nothing (the import's preview).
     *
     * @throws ChangeRefused naming each field that breaks a rule
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown meeting
     */
    Checked check(String meetingCode, NewParticipant person) {
        meetings.get(meetingCode);
        Map<String, String> errors = new LinkedHashMap<>();
        ParticipantTitle title = ParticipantInput.title(person.title(), errors);
        String name = ParticipantInput.required(person.name(), "name", "name", errors);
        String organisation = ParticipantInput.required(person.organisation(), "organisation", "organisation", errors);
        ParticipantCategory category = ParticipantInput.category(person.category(), errors);
        String email = ParticipantInput.email(person.email(), errors);
        String country = ParticipantInput.optional(person.country(), "country", "country", ParticipantInput.MAX_COUNTRY, errors);
        String language = ParticipantInput.optional(person.language(), "language", "language", ParticipantInput.MAX_LANGUAGE, errors);
        MeetingRole role = ParticipantInput.role(person.role(), errors);
        if (email != null) {
            findByEmail(meetingCode, email).ifPresent(taken -> errors.put("email", alreadyListed(taken)));
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        return new Checked(title, name, organisation, category, email, country, language, role,
                Boolean.TRUE.equals(person.reserve()));
    }

    /**
     * Moves a participant not yet invited between the list and the reserve list.
     *
     * @return who moved
     * @throws ChangeRefused when the participant is not on this meeting's list or was invited
     */
    @Transactional
    public Participant moveTo(String meetingCode, long participantId, boolean reserve) {
        Participant participant = notYetInvited(meetingCode, participantId, reserve ? "moved to the reserve" : "moved to the list");
        jdbc.sql("update cv_participant set reserve = ? where id = ?").params(reserve, participant.id()).update();
        return participant;
    }

    /**
     * Removes a participant not yet invited (an invited one keeps the record of the invitation).
     *
     * @return who was removed
     * @throws ChangeRefused when the participant is not on this meeting's list or was invited
     */
    @Transactional
    public Participant remove(String meetingCode, long participantId) {
        Participant participant = notYetInvited(meetingCode, participantId, "removed");
        jdbc.sql("delete from cv_participant where id = ?").param(participant.id()).update();
        return participant;
    }

    /** The meeting's participants: the list, then the reserve, each by category and name. */
    public List<Participant> list(String meetingCode) {
        return jdbc.sql(SELECT + " where p.meeting_code = ? order by p.reserve, p.category, p.name")
                .param(meetingCode).query(Participants::participant).list();
    }

    /**
     * The participant with this id.
     *
     * @throws org.springframework.dao.EmptyResultDataAccessException when there is none
     */
    public Participant get(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(Participants::participant).single();
    }

    private Optional<Participant> findByEmail(String meetingCode, String email) {
        return jdbc.sql(SELECT + " where p.meeting_code = ? and p.email = ?").params(meetingCode, email)
                .query(Participants::participant).optional();
    }

    private Participant notYetInvited(String meetingCode, long participantId, String change) {
        meetings.get(meetingCode);
        Participant participant = jdbc.sql(SELECT + " where p.meeting_code = ? and p.id = ?")
                .params(meetingCode, participantId).query(Participants::participant).optional()
                .orElseThrow(() -> new ChangeRefused(Map.of("participant",
                        "That participant is no longer on this meeting's list.")));
        if (participant.invited()) {
            throw new ChangeRefused(Map.of("participant", participant.name()
                    + " has already been invited and cannot be " + change + ". Record their reply, or invite a "
                    + "replacement from the reserve if they decline."));
        }
        return participant;
    }

    private static String alreadyListed(Participant taken) {
        return "The address " + taken.email() + " is already listed for this meeting: " + taken.name() + ", "
                + taken.organisation() + (taken.reserve() ? " (reserve list)" : "") + ". Each address is listed once.";
    }

    /** The ids (as text, for the multi-instance of ParticipantListProcess) of those on the list, not the reserve; never null. */
    public List<String> invitees(String meetingCode) {
        return new ArrayList<>(list(meetingCode).stream().filter(p -> !p.reserve()).map(p -> String.valueOf(p.id())).toList());
    }

    /** The participant as a form names them, {@link Participant#display()}; {@code participantId} as text. */
    public String name(String participantId) {
        return get(Long.parseLong(participantId)).display();
    }

    /**
     * Markdown for the list's tasks: per category, how many are on the list against the concept
     * note's target for it ({@code Senior government representatives: **9** of 10 on the list, 1 in
     * reserve}), then the total against the seats envisaged; says so when nobody is on the list.
     */
    public String summary(String meetingCode) {
        Counts counts = counts(meetingCode);
        StringBuilder text = new StringBuilder();
        for (Counts.Category c : counts.categories()) {
            text.append("- ").append(c.category().label()).append(": **").append(c.listed()).append("**")
                    .append(c.target() == null ? " on the list (no target)" : " of " + c.target() + " on the list")
                    .append(", ").append(c.reserve()).append(" in reserve\n");
        }
        text.append("\n**").append(counts.listed()).append("**")
                .append(counts.target() == null ? "" : " of " + counts.target())
                .append(" invitees in all, ").append(counts.reserve()).append(" in reserve.");
        if (counts.listed() == 0) {
            text.append("\n\n**Nobody is on the participant list yet** (those in reserve are not invited): "
                    + "the list cannot go forward empty.");
        }
        return text.toString();
    }

    /**
     * How many are on the list and in reserve, per category and in all, against the concept note's
     * targets (a target is null where the concept note sets none).
     */
    public record Counts(List<Category> categories, int listed, int reserve, Integer target) {

        /** One category: on the list, in reserve, its target; {@code suggested} when the concept note asks for it. */
        public record Category(ParticipantCategory category, int listed, int reserve, Integer target, boolean suggested) {
        }
    }

    /** The list's counts against the latest concept note's targets (every category, in category order). */
    public Counts counts(String meetingCode) {
        List<Participant> all = list(meetingCode);
        Optional<ConceptNotes.ConceptNote> note = conceptNotes.latest(meetingCode);
        Map<ParticipantCategory, Integer> targets = note.map(ConceptNotes.ConceptNote::categoryTargets).orElse(Map.of());
        List<ParticipantCategory> suggested = note.map(ConceptNotes.ConceptNote::participantCategories).orElse(List.of());
        List<Counts.Category> categories = new ArrayList<>();
        for (ParticipantCategory category : ParticipantCategory.values()) {
            int listed = (int) all.stream().filter(p -> p.category() == category && !p.reserve()).count();
            int reserve = (int) all.stream().filter(p -> p.category() == category && p.reserve()).count();
            categories.add(new Counts.Category(category, listed, reserve, targets.get(category), suggested.contains(category)));
        }
        int listed = (int) all.stream().filter(p -> !p.reserve()).count();
        return new Counts(categories, listed, all.size() - listed,
                note.map(ConceptNotes.ConceptNote::participantsTarget).orElse(null));
    }

    /**
     * Refuses to let an empty participant list go forward (to approval, to the invitations).
     *
     * @param why the end of the sentence after "nobody is on the participant list (those in reserve
     *            are not invited): ", saying what the person should do
     * @throws ChangeRefused keyed {@code participants} when nobody is on the list (the reserve does not count)
     */
    public void requireInvitees(String meetingCode, String why) {
        if (invitees(meetingCode).isEmpty()) {
            throw new ChangeRefused("participants",
                    "nobody is on the participant list (those in reserve are not invited): " + why);
        }
    }

    /**
     * The options of "Invite replacement" (its {@code valuesKey}): the reserve not yet invited,
     * those of the seat's invitee's category first, then the others, each by category and name;
     * then "No replacement" ({@link InvitationProcess#NO_REPLACEMENT}); as a JSON array of
     * {@code {label, value}}; the value is a participant id as text.
     *
     * @param participantId the seat's invitee, as text (the process variable)
     */
    public SpinJsonNode reserveOptions(String meetingCode, String participantId) {
        ParticipantCategory seat = get(Long.parseLong(participantId)).category();
        List<Map<String, String>> options = new ArrayList<>();
        jdbc.sql(SELECT + " where p.meeting_code = ? and p.reserve and i.id is null order by p.category, p.name")
                .param(meetingCode).query(Participants::participant).list().stream()
                .sorted(java.util.Comparator.comparing(p -> p.category() != seat))
                .forEach(p -> options.add(Map.of("label", p.display() + (p.category() == seat ? " — same category" : ""),
                        "value", String.valueOf(p.id()))));
        options.add(Map.of("label", "No replacement: leave the seat empty", "value", InvitationProcess.NO_REPLACEMENT));
        return Spin.JSON(options);
    }

    private static Participant participant(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String title = rs.getString("title");
        return new Participant(rs.getLong("id"), rs.getString("meeting_code"),
                title == null ? null : ParticipantTitle.valueOf(title), rs.getString("name"),
                rs.getString("organisation"), ParticipantCategory.valueOf(rs.getString("category")),
                rs.getString("email"), rs.getString("country"), rs.getString("language"),
                MeetingRole.valueOf(rs.getString("meeting_role")), rs.getBoolean("reserve"),
                rs.getString("invitation_status") == null ? null : InvitationStatus.valueOf(rs.getString("invitation_status")));
    }
}
