package org.convene;

import java.time.LocalDate;
import java.util.Map;
import org.convene.invitation.Participants;
import org.convene.meeting.ParticipantCategory;

/**
 * The people the invitation tests invite, added through the invitation module's own service as
 * staff add them on the participant page: Amira Khalil (government, on the list, her address typed
 * in mixed case), Grace Otieno (NGO, reserve), Peter Mwangi (IO, on the list), Daniel Reyes
 * (academic, on the list).
 */
public final class Invitees {

    private Invitees() {
    }

    /**
     * A meeting registered as staff do ({@link ProcessDriver#registerMeeting}), with Amira on its
     * participant list and Grace in reserve: what the invitation phase starts from.
     *
     * @param phase the variables ExpertMeetingProcess passes to each phase
     */
    public record Meeting(String code, LocalDate firstDay, Map<String, Object> phase, long amira, long grace) {
    }

    /** Registers a meeting under a new code with this prefix, with Amira on the list and Grace in reserve. */
    public static Meeting registerWithAmiraAndGrace(ProcessDriver driver, Participants participants, String prefix) {
        String code = TestMeetings.newCode(prefix);
        Map<String, Object> phase = driver.registerMeeting(code);
        return new Meeting(code, ExpertMeetings.firstDay(), phase, amira(participants, code), grace(participants, code));
    }

    /** Amira Khalil, Ministry of Interior (government), on the list; her address stored as a.khalil@gov.example. */
    public static long amira(Participants participants, String code) {
        return participants.add(code, "Amira Khalil", "Ministry of Interior", ParticipantCategory.GOV,
                "A.Khalil@gov.example", false);
    }

    /** Grace Otieno, Refugee Law Project (NGO), in reserve. */
    public static long grace(Participants participants, String code) {
        return participants.add(code, "Grace Otieno", "Refugee Law Project", ParticipantCategory.NGO,
                "g.otieno@ngo.example", true);
    }

    /** Peter Mwangi, IOM (international organization), on the list. */
    public static long peter(Participants participants, String code) {
        return participants.add(code, "Peter Mwangi", "IOM", ParticipantCategory.IO, "p.mwangi@iom.example", false);
    }

    /** Dr Renée Müller, Université de Genève (academic, Switzerland, French), on the list: a title and accents. */
    public static long renee(Participants participants, String code) {
        return participants.add(code, new Participants.NewParticipant("Dr", "Renée Müller", "Université de Genève",
                ParticipantCategory.ACA.name(), "renee.muller@unige.example", "Switzerland", "French", null, false));
    }

    /** Daniel Reyes, University of Oxford (academic), on the list. */
    public static long daniel(Participants participants, String code) {
        return participants.add(code, "Daniel Reyes", "University of Oxford", ParticipantCategory.ACA,
                "d.reyes@ox.example", false);
    }
}
