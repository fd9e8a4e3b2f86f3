package org.convene.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.convene.workflow.FormValidationPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of Convene and what each may do, created at start in every configuration (they
 * are the product's rules, not demo data) and kept idempotent. Tasks are seen and worked
 * through the engine's own task authorizations, which it grants to a task's candidate group
 * and assignee when the task is created: a user outside them neither works nor (managers apart,
 * who read every meeting's tasks to follow them in Cockpit) sees it.
 */
@Component
public class GroupAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(GroupAuthorizations.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    GroupAuthorizations(IdentityService identityService, AuthorizationService authorizationService,
                        FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void ensureGroupsAndGrants() {
        group(ConveneGroups.STAFF, "Convener staff (secretariat)");
        group(ConveneGroups.MANAGERS, "Managers (director, deputy)");
        group(ConveneGroups.REVIEWERS, "Reviewers (legal, policy, regional bureaux)");

        for (String group : new String[] {ConveneGroups.STAFF, ConveneGroups.MANAGERS, ConveneGroups.REVIEWERS}) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist reads the deployed forms of the definitions behind a user's tasks
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(group, Resources.FILTER, ANY, Permissions.READ);
            // Tasklist's "Set assignee" looks the colleague up before it assigns; who may be given the task
            // is the engine's rule (workflow/TaskAssignmentGuard), not this list
            grant(group, Resources.USER, ANY, Permissions.READ);
        }
        grant(ConveneGroups.STAFF, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        grant(ConveneGroups.REVIEWERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        // staff start meetings
        grant(ConveneGroups.STAFF, Resources.PROCESS_DEFINITION, "ExpertMeetingProcess",
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(ConveneGroups.STAFF, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // managers follow every meeting in Cockpit: read, suspend/resume, retry jobs; and read (only) every
        // meeting's tasks, so that Cockpit's task counts and an instance's user tasks are true for them.
        // READ_TASK gives no claim, assign, complete or variable change (TASK_WORK, TASK_ASSIGN, UPDATE_TASK):
        // they work only the tasks offered to them. Tasklist's filters select by group or assignee, so a
        // manager's lists still hold only the managers' work.
        grant(ConveneGroups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(ConveneGroups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
                ProcessDefinitionPermissions.RETRY_JOB);
        grant(ConveneGroups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE);
        revoke(ConveneGroups.MANAGERS, Resources.TASK, ANY);
        grant(ConveneGroups.MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);

        filter(MY_GROUPS_TASKS, -10, "Tasks offered to my groups, assigned or not", mine());
        filter(MY_TASKS, -5, "Tasks assigned to me", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        filter(OVERDUE, 0, "My groups' tasks past their due date", mine().dueBeforeExpression("${now()}"));
        filter(DUE_THIS_WEEK, 5, "My groups' tasks due in the next seven days",
                mine().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
    }

    /** Tasklist's lists, by name. */
    public static final String MY_GROUPS_TASKS = "My groups' tasks";
    public static final String MY_TASKS = "My tasks";
    public static final String OVERDUE = "Overdue";
    public static final String DUE_THIS_WEEK = "Due this week";

    /** What each task of a list shows beside its name and due date (task-local variables, workflow/FormValidationPlugin). */
    public static final List<Map<String, String>> LIST_VARIABLES = List.of(
            Map.of("name", FormValidationPlugin.TASK_MEETING_VARIABLE, "label", "Meeting"),
            Map.of("name", FormValidationPlugin.TASK_MEETING_TITLE_VARIABLE, "label", "Title"),
            Map.of("name", FormValidationPlugin.TASK_DOCUMENT_VARIABLE, "label", "Document"));

    /**
     * The tasks offered to the signed-in user's groups, assigned or not, soonest due first: evaluated
     * for whoever opens the list, so each person sees their own groups' work (a manager, who may read
     * every task, too).
     */
    public TaskQuery mine() {
        return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    /**
     * Creates Tasklist's list, or brings it up to date (its query and how it shows), by name; readable by
     * every group (FILTER READ above).
     *
     * @param priority Tasklist's order, lowest first
     */
    public void filter(String name, int priority, String description, TaskQuery query) {
        filter(name, priority, description, query, Map.of());
    }

    /**
     * As {@link #filter(String, int, String, TaskQuery)}, with properties of the caller's (e.g. the meeting a
     * list belongs to), kept beside Tasklist's own.
     */
    public void filter(String name, int priority, String description, TaskQuery query, Map<String, Object> more) {
        Map<String, Object> properties = new java.util.HashMap<>(more);
        properties.putAll(Map.of("priority", priority, "autoRefresh", true, "description", description,
                "variables", LIST_VARIABLES));
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
        }
        filterService.saveFilter(filter.setQuery(query.orderByDueDate().asc()).setProperties(properties));
    }

    private void group(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream()
                .findFirst().orElse(null);
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        // exactly these permissions: a grant taken out of this list is taken away at the next start
        authorization.setPermissions(permissions);
        authorizationService.saveAuthorization(authorization);
    }

    private void revoke(String groupId, Resource resource, String resourceId) {
        authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .list().forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }
}
