package org.convene.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.convene.meeting.ParticipantCategory;
import org.convene.framework.SummaryConclusionsProcess;
import org.convene.invitation.Participants;
import org.convene.meeting.Agendas;
import org.convene.meeting.ConceptNotes;
import org.convene.meeting.ExpertMeetingProcess;
import org.convene.meeting.Meeting;
import org.convene.meeting.Meetings;
import org.convene.workflow.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.Yaml;

/**
 * At the first start of the embedded default (no meeting yet), starts the demo meeting: the
 * seed's Amman meeting with its first day on the first Monday at least ten weeks ahead, in
 * the venue's time zone, keeping the agenda's days and times. Its concept note is the
 * seed's, as the first draft that staff pick up in Tasklist. Three more meetings at other stages:
 * Nairobi mid-invitations, Bangkok just after the meeting, and Geneva completed ten weeks ago, its
 * Common Framework published ({@link DemoFramework}), so a new user sees the result at once.
 */
@Component
@ConditionalOnProperty(name = {"convene.demo.enabled", "convene.demo.meeting"}, havingValue = "true", matchIfMissing = false)
class DemoMeeting {

    private static final Logger log = LoggerFactory.getLogger(DemoMeeting.class);
    static final ZoneId VENUE = ZoneId.of("Asia/Amman");

    private final Meetings meetings;
    private final ConceptNotes conceptNotes;
    private final Agendas agendas;
    private final Participants participants;
    private final RuntimeService runtimeService;
    private final DemoProgress progress;
    private final Clock clock;

    DemoMeeting(Meetings meetings, ConceptNotes conceptNotes, Agendas agendas, Participants participants,
                RuntimeService runtimeService, DemoProgress progress) {
        this.progress = progress;
        this.meetings = meetings;
        this.conceptNotes = conceptNotes;
        this.agendas = agendas;
        this.participants = participants;
        this.runtimeService = runtimeService;
        this.clock = Clock.system(VENUE);
    }

    /** The first Monday at least ten weeks after today. */
    static LocalDate firstDay(LocalDate today) {
        return today.plusWeeks(10).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    @Transactional
    @SuppressWarnings("unchecked")
    public void startDemoMeetingOnFirstRun() {
        if (!meetings.all().isEmpty()) {
            return;
        }
        Map<String, Object> seed = load();
        Map<String, Object> meeting = (Map<String, Object>) seed.get("meeting");
        LocalDate firstDay = firstDay(LocalDate.now(clock));
        String code = "EM-" + firstDay.getYear() + "-AMMAN";
        Meeting dates = new Meeting(code, (String) meeting.get("title"), (String) meeting.get("place"), VENUE, firstDay,
                (Integer) meeting.get("numberOfDays"));

        Map<String, Object> note = (Map<String, Object>) seed.get("conceptNote");
        conceptNotes.save(code, new ConceptNotes.ConceptNote(0, (String) note.get("background"),
                (String) note.get("objectives"), (String) note.get("convener"), (Integer) note.get("participantsTarget"),
                ParticipantCategory.ofFormValues(note.get("participantCategories")),
                ((String) note.get("timingAndLocation")).replace("{dates}", dates.datesLabel()),
                (String) note.get("documentation"), "seed", categoryTargets(note)));

        runtimeService.startProcessInstanceByKey(ExpertMeetingProcess.ID, code, Map.of(
                ProcessVariables.MEETING_TITLE, dates.title(),
                ProcessVariables.MEETING_PLACE, dates.place(),
                ExpertMeetingProcess.MEETING_TIME_ZONE, VENUE.getId(),
                ExpertMeetingProcess.FIRST_DAY, firstDay.toString(),
                ExpertMeetingProcess.NUMBER_OF_DAYS, dates.numberOfDays()));

        assignWorkingGroups(seed, code);
        addAll(code, (List<Map<String, Object>>) seed.get("participants"), false);
        addAll(code, (List<Map<String, Object>>) seed.get("reserve"), true);
        log.info("Demo meeting {} started: {} in {}, {}", code, dates.title(), dates.place(), dates.datesLabel());

        // two more meetings at other stages, so Tasklist and Cockpit look like a real division's
        LocalDate today = LocalDate.now(clock);
        startOther(seed, "EM-" + today.plusWeeks(6).getYear() + "-NAIROBI",
                "Expert Meeting on Protracted Refugee Situations", "Nairobi, Kenya", "Africa/Nairobi",
                today.plusWeeks(6).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)),
                nairobi -> {
                    progress.advanceUntilInvitationsWait(nairobi);
                    progress.answerSomeInvitations(nairobi);
                }, "invitations waiting for replies");
        startOther(seed, "EM-" + today.minusWeeks(2).getYear() + "-BANGKOK",
                "Expert Meeting on Refugee Protection and Mixed Movements", "Bangkok, Thailand", "Asia/Bangkok",
                today.minusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                bangkok -> progress.advance(bangkok, SummaryConclusionsProcess.TASK_DRAFT_SUMMARY_CONCLUSIONS),
                SummaryConclusionsProcess.TASK_DRAFT_SUMMARY_CONCLUSIONS);
        LocalDate geneva = today.minusWeeks(10).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        startCompleted("EM-" + geneva.getYear() + "-GENEVA", geneva);
    }

    /**
     * A meeting in Geneva that met on {@code firstDay} (in the past) and went through every phase by
     * its demo users, to its end: the Common Framework signed off, approved and published.
     */
    void startCompleted(String code, LocalDate firstDay) {
        startOther(load(), code, "Expert Meeting on Burden and Responsibility Sharing Arrangements", "Geneva, Switzerland",
                "Europe/Zurich", firstDay, completed -> progress.advanceToEnd(completed, instanceOf(completed)),
                "its end: the Common Framework published");
    }

    private String instanceOf(String code) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ExpertMeetingProcess.ID)
                .processInstanceBusinessKey(code).singleResult().getId();
    }

    /** The working groups' chairs and rapporteurs of the seed (a rapporteur each, so "Draft agenda" can be completed). */
    @SuppressWarnings("unchecked")
    private void assignWorkingGroups(Map<String, Object> seed, String code) {
        for (Map<String, Object> group : (List<Map<String, Object>>) seed.get("workingGroups")) {
            agendas.assignWorkingGroup(code, (String) group.get("code"), (String) group.get("chairName"),
                    (String) group.get("chairUserId"), (String) group.get("rapporteurName"));
        }
    }

    /** A meeting moved forward by its demo users ({@code progressTo}) until it waits at the given stage. */
    @SuppressWarnings("unchecked")
    private void startOther(Map<String, Object> seed, String code, String title, String place, String zone,
                            LocalDate firstDay, Consumer<String> progressTo, String stage) {
        Map<String, Object> note = (Map<String, Object>) seed.get("conceptNote");
        Meeting dates = new Meeting(code, title, place, ZoneId.of(zone), firstDay, 2);
        conceptNotes.save(code, new ConceptNotes.ConceptNote(0, (String) note.get("background"),
                (String) note.get("objectives"), (String) note.get("convener"), 25,
                ParticipantCategory.ofFormValues(note.get("participantCategories")), dates.datesLabel() + " in " + place,
                (String) note.get("documentation"), "seed"));
        runtimeService.startProcessInstanceByKey(ExpertMeetingProcess.ID, code, Map.of(
                ProcessVariables.MEETING_TITLE, title, ProcessVariables.MEETING_PLACE, place,
                ExpertMeetingProcess.MEETING_TIME_ZONE, zone, ExpertMeetingProcess.FIRST_DAY, firstDay.toString(),
                ExpertMeetingProcess.NUMBER_OF_DAYS, 2));
        assignWorkingGroups(seed, code);
        addAll(code, ((List<Map<String, Object>>) seed.get("participants")).subList(0, 4), false);
        addAll(code, ((List<Map<String, Object>>) seed.get("reserve")).subList(0, 1), true);
        progressTo.accept(code);
        log.info("Demo meeting {} started and moved on to {}", code, stage);
    }

    private void addAll(String code, List<Map<String, Object>> people, boolean reserve) {
        for (Map<String, Object> p : people) {
            participants.add(code, new Participants.NewParticipant((String) p.get("title"), (String) p.get("name"),
                    (String) p.get("organisation"), (String) p.get("category"), (String) p.get("email"),
                    (String) p.get("country"), (String) p.get("language"), (String) p.get("role"), reserve));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<ParticipantCategory, Integer> categoryTargets(Map<String, Object> note) {
        Map<ParticipantCategory, Integer> targets = new EnumMap<>(ParticipantCategory.class);
        ((Map<String, Integer>) note.getOrDefault("categoryTargets", Map.of()))
                .forEach((category, seats) -> targets.put(ParticipantCategory.valueOf(category), seats));
        return targets;
    }

    private static Map<String, Object> load() {
        try (InputStream in = new ClassPathResource("demo/amman-expert-meeting.yaml").getInputStream()) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
