package org.convene.tracking;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.convene.identity.GroupAuthorizations;
import org.convene.meeting.MeetingCancelled;
import org.convene.meeting.MeetingEnded;
import org.convene.meeting.MeetingRegistered;
import org.convene.meeting.MeetingState;
import org.convene.workflow.MeetingEvent;
import org.convene.workflow.SystemAuthentication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * One Tasklist list per running meeting ("EM-2027-AMMAN · Expert Meeting on …"): the tasks of that
 * meeting offered to the user's groups, soonest due first, created when the meeting is registered and
 * removed when it ends (finished, cancelled or its process deleted). Kept from the meeting module's
 * events like {@link MeetingProgress}, and brought in line with the read model at every start (a list
 * missing or left over is created or removed). A meeting's list carries its code in the filter's
 * property {@value #MEETING_CODE}.
 */
@Component
class MeetingFilters {

    /** The filter property naming the meeting a list belongs to. */
    static final String MEETING_CODE = "meetingCode";
    /** Tasklist orders lists by priority: the meetings' lists after the four general ones. */
    static final int PRIORITY = 10;
    private static final int NAME_LENGTH = 80;

    private final GroupAuthorizations lists;
    private final FilterService filterService;
    private final IdentityService identityService;
    private final JdbcClient jdbc;

    MeetingFilters(GroupAuthorizations lists, FilterService filterService, IdentityService identityService, JdbcClient jdbc) {
        this.lists = lists;
        this.filterService = filterService;
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    /**
     * A registered meeting gets its list; an ended one loses it. Only these events are listened to:
     * Spring Modulith's registry stores a publication for every listener an event reaches (a row
     * written with the change, deleted once handled, in a transaction of its own), which for every
     * other event of a meeting was work for nothing.
     */
    @TransactionalEventListener(classes = {MeetingRegistered.class, MeetingEnded.class, MeetingCancelled.class},
            fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(MeetingEvent event) {
        if (event instanceof MeetingRegistered registered) {
            SystemAuthentication.asSystem(identityService, () -> {
                ensure(registered.meetingCode(), registered.title());
                return null;
            });
        } else if (event instanceof MeetingEnded || event instanceof MeetingCancelled) {
            SystemAuthentication.asSystem(identityService, () -> {
                remove(event.meetingCode());
                return null;
            });
        }
    }

    /**
     * At start, after the groups' lists (GroupAuthorizations) and the read model's own catching up
     * (MeetingProgressReplay): a list for each running meeting, and none for another.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    public void reconcile() {
        Map<String, String> running = new java.util.HashMap<>();
        jdbc.sql("select meeting_code, title from cv_meeting_progress where state = ?").param(MeetingState.RUNNING.name())
                .query((rs, n) -> running.put(rs.getString(1), rs.getString(2))).list();
        SystemAuthentication.asSystem(identityService, () -> {
            Set<String> listed = new HashSet<>();
            for (Filter filter : filterService.createFilterQuery().list()) {
                Object code = filter.getProperties() == null ? null : filter.getProperties().get(MEETING_CODE);
                if (code != null && !running.containsKey(code.toString())) {
                    filterService.deleteFilter(filter.getId());
                } else if (code != null) {
                    listed.add(code.toString());
                }
            }
            running.forEach((code, title) -> {
                if (!listed.contains(code)) {
                    ensure(code, title);
                }
            });
            return null;
        });
    }

    private void ensure(String code, String title) {
        String name = code + " · " + title;
        if (name.length() > NAME_LENGTH) {
            name = name.substring(0, NAME_LENGTH - 1) + "…";
        }
        if (find(code) == null) {
            lists.filter(name, PRIORITY, "Tasks of " + title + " (" + code + ") offered to my groups",
                    lists.mine().processInstanceBusinessKey(code), Map.of(MEETING_CODE, code));
        }
    }

    private void remove(String code) {
        Filter filter = find(code);
        if (filter != null) {
            filterService.deleteFilter(filter.getId());
        }
    }

    private Filter find(String code) {
        return filterService.createFilterQuery().list().stream()
                .filter(f -> f.getProperties() != null && code.equals(String.valueOf(f.getProperties().get(MEETING_CODE))))
                .findFirst().orElse(null);
    }
}
