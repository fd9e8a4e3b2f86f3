package org.convene;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.convene.meeting.Agendas;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.workflow.ProcessVariables;

/**
 * Meetings for the phase process tests, registered through the app's own path: starting
 * ExpertMeetingProcess registers the meeting and gives it the default agenda (the seed's two
 * days, WG1 and WG2 on day 1, WG3 and WG4 on day 2). A phase process under test is then
 * started on its own with the variables ExpertMeetingProcess passes down to each phase.
 */
public final class ExpertMeetings {

    public static final ZoneId AMMAN = ZoneId.of("Asia/Amman");
    public static final String TITLE = "Expert Meeting on International Cooperation to Share Burden and Responsibilities";
    public static final String PLACE = "Amman, Jordan";

    private ExpertMeetings() {
    }

    /** The first Monday at least ten weeks ahead, in the venue's time zone. */
    public static LocalDate firstDay() {
        return LocalDate.now(AMMAN).plusWeeks(10).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    /** What Tasklist's start form submits for a two-day meeting in Amman. */
    public static Map<String, Object> proposal(LocalDate firstDay) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.MEETING_TITLE, TITLE);
        variables.put(ProcessVariables.MEETING_PLACE, PLACE);
        variables.put(ExpertMeetingProcess.MEETING_TIME_ZONE, AMMAN.getId());
        variables.put(ExpertMeetingProcess.FIRST_DAY, firstDay.toString());
        variables.put(ExpertMeetingProcess.NUMBER_OF_DAYS, 2);
        return variables;
    }

    /** Starts the meeting with its code as business key, as staff do in Tasklist. */
    public static ProcessInstance propose(RuntimeService runtimeService, String code, LocalDate firstDay) {
        return runtimeService.startProcessInstanceByKey(ExpertMeetingProcess.ID, code, proposal(firstDay));
    }

    /**
     * Names a rapporteur for each working group that has none (staff do it on the agenda page), so that
     * "Draft agenda" can be completed; chairs are kept.
     */
    public static void nameRapporteurs(Agendas agendas, String code) {
        for (Agendas.WorkingGroup group : agendas.workingGroups(code)) {
            if (group.rapporteurName() == null) {
                agendas.assignWorkingGroup(code, group.code(), group.chairName(), group.chairUserId(),
                        "Rapporteur of " + group.code());
            }
        }
    }

    /** The variables every phase process gets from ExpertMeetingProcess ({@link ProcessVariables}'s four). */
    public static Map<String, Object> phaseVariables(RuntimeService runtimeService, ProcessInstance meeting) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : new String[] {ProcessVariables.MEETING_CODE, ProcessVariables.MEETING_TITLE,
                ProcessVariables.MEETING_PLACE, ProcessVariables.MEETING_DATES}) {
            variables.put(name, runtimeService.getVariable(meeting.getId(), name));
        }
        return variables;
    }
}
