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

        filter("My groups' tasks", -10, Map.of("candidateGroupsExpression", "${currentUserGroups()}"));
        filter("My tasks", -5, Map.of("assigneeExpression", "${currentUser()}"));
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

    private void filter(String name, int priority, Map<String, String> criteria) {
        Map<String, Object> properties = Map.of("priority", priority, "autoRefresh", true,
                "description", name.equals("My tasks") ? "Tasks assigned to me" : "Tasks offered to my groups",
                // each task in the list shows which meeting it belongs to (a task-local variable)
                "variables", List.of(Map.of("name", "meeting", "label", "Meeting")));
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            filterService.saveFilter(existing.setProperties(properties));
            return;
        }
        TaskQuery taskQuery = taskService.createTaskQuery();
        if (criteria.containsKey("assigneeExpression")) {
            taskQuery.taskAssigneeExpression(criteria.get("assigneeExpression"));
        } else {
            taskQuery.taskCandidateGroupInExpression(criteria.get("candidateGroupsExpression")).includeAssignedTasks();
        }
        taskQuery.orderByDueDate().asc();
        Filter filter = filterService.newTaskFilter(name)
                .setQuery(taskQuery)
                .setProperties(properties);
        filterService.saveFilter(filter);
    }
}
