package org.convene.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.convene.workflow.DraftAuthors.Draft;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Who may hold a task, checked inside the engine for every door (Convene's REST API, Tasklist's
 * own API, Java): built-in listeners on every user task refuse, with {@link TaskRefused} (403
 * from the REST API), a change that would take work outside the groups it was offered to, or let
 * the author of a draft approve it.
 * <ul>
 * <li><b>Assignment stays inside the groups.</b> A task's assignee, owner (set by delegation or
 * by hand) and every user linked to it (a candidate user, say) must be a member of one of the
 * groups the process offered it to, or a user the task already names (its assignee, owner or
 * candidate user before the change: a sign-off names its reviewer, a returned draft its author).
 * Its groups are set by its process: none can be added or removed by hand. A task that names a
 * user and no group (a sign-off) cannot be released, since no one else could take it. Without
 * these rules Camunda grants whoever is made assignee, owner or candidate read and update on the
 * task, whatever their groups.</li>
 * <li><b>Four eyes.</b> When an approving task is created, the {@link DraftAuthors} of the
 * modules name the draft's author: the task shows it (its description and the task-local
 * variable {@value #DRAFT_AUTHOR_VARIABLE}), and the author can be neither its assignee, owner or
 * candidate, nor complete it, whatever their groups. If the author is the only member of the
 * task's groups, the task waits and says that an administrator must add another member.</li>
 * </ul>
 * The rules hold for everyone, administrators included: an administrator may reassign any task,
 * within its groups. What the engine does by itself when it creates a task (an assignee from the
 * BPMN, a listener that picks a chair) is not checked: the listeners see only the changes made
 * through the engine's task service.
 */
@Component
public class TaskAssignmentGuard extends AbstractProcessEnginePlugin implements SmartInitializingSingleton {

    /** The task-local variable naming the user who drafted what an approving task decides on. */
    public static final String DRAFT_AUTHOR_VARIABLE = "draftAuthor";

    private final ObjectProvider<DraftAuthors> authors;
    /**
     * The modules' DraftAuthors in order, looked up once all singletons exist (the engine is built
     * before them); until then, at every call.
     */
    private volatile List<DraftAuthors> orderedAuthors;

    TaskAssignmentGuard(ObjectProvider<DraftAuthors> authors) {
        this.authors = authors;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        // inside the command context: the engine then logs the refusal as what it is (debug), not as an error
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new CauseUnwrapping(TaskRefused.class));
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    var definition = behavior.getTaskDefinition();
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskAssignmentGuard.this::showAuthor);
                    // "update" follows every change made through the task service (claim, assign, delegate,
                    // owner, identity links); "assignment" would miss owners and links
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, TaskAssignmentGuard.this::checkChange);
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskAssignmentGuard.this::checkCompletion);
                }
            }
        });
    }

    @Override
    public void afterSingletonsInstantiated() {
        orderedAuthors = authors.orderedStream().toList();
    }

    /** Create listener: an approving task names its draft's author (Tasklist shows the description). */
    void showAuthor(DelegateTask task) {
        draftOf(task).ifPresent(draft -> {
            task.setVariableLocal(DRAFT_AUTHOR_VARIABLE, draft.author());
            List<String> groups = groupsOf(task);
            String note = groups.isEmpty()
                    ? "Drafted by " + draft.author() + " — its author may not approve it."
                    : "Drafted by " + draft.author() + " — another member of the group must approve it.";
            if (!groups.isEmpty() && !someoneBut(draft.author(), groups)) {
                note += " " + draft.author() + " is the only member of " + String.join(" and ", groups)
                        + ": an administrator must add another.";
            }
            task.setDescription(task.getDescription() == null || task.getDescription().isBlank() ? note
                    : task.getDescription() + "\n\n" + note);
        });
    }

    /** Update listener: the change the task service just made, refused unless it keeps to the rules. */
    void checkChange(DelegateTask task) {
        TaskChange change = TaskChange.of((TaskEntity) task);
        if (change.none()) {
            return;
        }
        String name = "'" + task.getName() + "'";
        String offer = change.groups().isEmpty()
                ? name + " is given by its process to " + change.namedUsers() + ", not to a group"
                : name + " is offered to " + change.groupNames() + " by its process";
        if (!change.addedGroups().isEmpty()) {
            throw new TaskRefused(offer + ": it cannot be offered to " + String.join(" or ", change.addedGroups())
                    + " as well.");
        }
        if (!change.removedGroups().isEmpty()) {
            throw new TaskRefused(offer + ": it cannot be withdrawn from " + String.join(" or ", change.removedGroups())
                    + ".");
        }
        if (change.released() && change.groups().isEmpty() && change.candidateUsers().isEmpty()) {
            throw new TaskRefused(offer + ": it cannot be released, since no one else could take it.");
        }
        Optional<Draft> draft = change.newHolders().isEmpty() ? Optional.empty() : draftOf(task);
        for (Map.Entry<String, String> holder : change.newHolders().entrySet()) {
            String user = holder.getKey();
            if (draft.isPresent() && draft.get().author().equals(user)) {
                throw fourEyes(draft.get(), change.groupNames());
            }
            if (!change.named(user) && (change.groups().isEmpty() || !member(user, change.groups()))) {
                throw new TaskRefused(change.groups().isEmpty()
                        ? offer + ": it cannot be " + holder.getValue() + " " + user + "."
                        : name + " can be " + holder.getValue() + " a member of " + change.groupNames()
                                + " only: " + user + " is not one.");
            }
        }
    }

    /** Complete listener: the author of the draft cannot approve it, by any door. */
    void checkCompletion(DelegateTask task) {
        String user = Optional.ofNullable(Context.getCommandContext().getAuthenticatedUserId()).orElse(task.getAssignee());
        if (user == null) {
            return;
        }
        draftOf(task).filter(draft -> draft.author().equals(user)).ifPresent(draft -> {
            throw fourEyes(draft, String.join(" or ", groupsOf(task)));
        });
    }

    private static TaskRefused fourEyes(Draft draft, String groups) {
        return new TaskRefused(draft.author() + " drafted " + draft.what() + "; "
                + (groups.isEmpty() ? "someone else" : "another member of " + groups) + " must approve it.");
    }

    /**
     * The draft this task decides on, as the modules' {@link DraftAuthors} know it.
     *
     * @param task a user task, inside a running engine command (a listener's)
     * @return empty when the task approves no draft, or no user is known to have drafted it
     */
    public Optional<Draft> draftOf(DelegateTask task) {
        List<DraftAuthors> providers = orderedAuthors != null ? orderedAuthors : authors.orderedStream().toList();
        return asSystem(() -> providers.stream().map(provider -> provider.draftDecidedBy(task))
                .flatMap(Optional::stream).findFirst());
    }

    private static List<String> groupsOf(DelegateTask task) {
        return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
    }

    private static boolean member(String user, Collection<String> groups) {
        return asSystem(() -> Context.getProcessEngineConfiguration().getIdentityService().createGroupQuery()
                .groupMember(user).groupIdIn(groups.toArray(String[]::new)).count() > 0);
    }

    /** True when one of the groups has a member other than the user (two members of a group tell). */
    private static boolean someoneBut(String user, List<String> groups) {
        var identity = Context.getProcessEngineConfiguration().getIdentityService();
        return asSystem(() -> groups.stream().anyMatch(group -> identity.createUserQuery().memberOfGroup(group)
                .listPage(0, 2).stream().map(User::getId).anyMatch(id -> !id.equals(user))));
    }

    /** The rules ask as the system: a user's own authorizations must not change the answer. */
    private static <T> T asSystem(Callable<T> query) {
        return Context.getCommandContext().runWithoutAuthorization(query);
    }
}
