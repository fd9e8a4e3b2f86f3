package org.convene.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What one engine command (a claim, an assignment, a delegation, an identity link added or
 * removed) changed about who holds a task, read from the task entity and the command's entity
 * cache, and the offer the task had before it: the groups and the users its process gave it.
 *
 * @param groups          the groups the task was offered to before the command (candidate and other group links)
 * @param candidateUsers  the users the task was offered to by name before the command
 * @param holders         its assignee and owner before the command (a sign-off names its reviewer, a returned
 *                        draft its author)
 * @param newHolders      each user the command made assignee, owner or linked user, with the role taken:
 *                        {@code "assigned to"}, {@code "delegated to"}, {@code "owned by"} or {@code "offered to"}
 * @param addedGroups     groups the command linked to the task
 * @param removedGroups   groups the command unlinked from the task
 * @param released        true when the command left the task with no assignee
 */
record TaskChange(Set<String> groups, Set<String> candidateUsers, Set<String> holders, Map<String, String> newHolders,
                  Set<String> addedGroups, Set<String> removedGroups, boolean released) {

    /** Nothing about who holds the task changed: a variable saved, a comment added, a due date moved. */
    static final TaskChange NONE = new TaskChange(Set.of(), Set.of(), Set.of(), Map.of(), Set.of(), Set.of(), false);

    static TaskChange of(TaskEntity task) {
        DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
        List<IdentityLinkEntity> touched = cache.getEntitiesByType(IdentityLinkEntity.class).stream()
                .filter(link -> task.getId().equals(link.getTaskId()))
                .filter(link -> cache.isTransient(link) || cache.isDeleted(link)).toList();
        Map<String, PropertyChange> changes = task.getPropertyChanges();
        if (touched.isEmpty() && !changes.containsKey(TaskEntity.ASSIGNEE) && !changes.containsKey(TaskEntity.OWNER)) {
            return NONE;
        }
        Map<String, IdentityLinkEntity> links = new LinkedHashMap<>();
        task.getIdentityLinks().forEach(link -> links.put(link.getId(), link));
        touched.forEach(link -> links.putIfAbsent(link.getId(), link));

        Set<String> groups = new LinkedHashSet<>();
        Set<String> candidateUsers = new LinkedHashSet<>();
        Set<String> holders = new LinkedHashSet<>();
        Map<String, String> newHolders = new LinkedHashMap<>();
        Set<String> addedGroups = new LinkedHashSet<>();
        Set<String> removedGroups = new LinkedHashSet<>();
        for (IdentityLinkEntity link : links.values()) {
            boolean added = cache.isTransient(link);
            if (cache.isDeleted(link) && link.getGroupId() != null) {
                removedGroups.add(link.getGroupId());
            }
            if (added && link.getGroupId() != null) {
                addedGroups.add(link.getGroupId());
            } else if (added && link.getUserId() != null) {
                newHolders.put(link.getUserId(), "offered to");
            } else if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            } else if (link.getUserId() != null && IdentityLinkType.CANDIDATE.equals(link.getType())) {
                candidateUsers.add(link.getUserId());
            }
        }
        addedGroups.removeAll(groups);

        PropertyChange assignee = changes.get(TaskEntity.ASSIGNEE);
        PropertyChange owner = changes.get(TaskEntity.OWNER);
        PropertyChange delegation = changes.get(TaskEntity.DELEGATION);
        String assigneeBefore = assignee != null ? assignee.getOrgValueString() : task.getAssignee();
        String ownerBefore = owner != null ? owner.getOrgValueString() : task.getOwner();
        for (String user : new String[] {assigneeBefore, ownerBefore}) {
            if (user != null) {
                holders.add(user);
            }
        }
        if (owner != null && task.getOwner() != null) {
            newHolders.put(task.getOwner(), "owned by");
        }
        if (assignee != null && task.getAssignee() != null) {
            boolean delegated = delegation != null && delegation.getNewValue() == DelegationState.PENDING;
            newHolders.put(task.getAssignee(), delegated ? "delegated to" : "assigned to");
        }
        boolean released = assignee != null && task.getAssignee() == null;
        return new TaskChange(groups, candidateUsers, holders, newHolders, addedGroups, removedGroups, released);
    }

    /** True when the command changed nothing about who holds the task (a variable saved, a comment added). */
    boolean none() {
        return newHolders.isEmpty() && addedGroups.isEmpty() && removedGroups.isEmpty() && !released;
    }

    /** The groups, as a message names them: "convener-staff or managers". */
    String groupNames() {
        return String.join(" or ", new ArrayList<>(groups));
    }

    /** True when the user was given the task by name before the command (candidate user, assignee or owner). */
    boolean named(String user) {
        return candidateUsers.contains(user) || holders.contains(user);
    }

    /** The users the task was given by name before the command, as a message names them: "ravi". */
    String namedUsers() {
        Set<String> named = new LinkedHashSet<>(candidateUsers);
        named.addAll(holders);
        return String.join(", ", named);
    }
}
