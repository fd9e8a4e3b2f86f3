package org.convene;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** The groups a task is offered to, whether or not it is assigned (candidate queries skip assigned tasks). */
public final class Offers {

    private Offers() {
    }

    public static List<String> candidateGroups(TaskService taskService, Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).toList();
    }
}
