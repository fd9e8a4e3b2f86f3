package org.convene.tracking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.convene.meeting.Meetings;
import org.convene.workflow.SystemAuthentication;
import org.springframework.stereotype.Service;

/**
 * A meeting's audit trail: every decision that must be proven later — tracking's own record of
 * the modules' events ({@link AuditRecord}: concept note versions and reviews, agenda and
 * participant-list reviews, invitations sent, replies, reminders and seats, documents commissioned,
 * their versions, reviews, signatures and publication, attendance), kept as long as the meeting —
 * merged in time order with the engine's user operation log for the meeting's
 * process instances (the main one and every phase it called share the meeting's code as
 * business key) while Camunda's history still has it.
 *
 * <p>The engine would filter its history by the caller's Camunda authorizations; who may read
 * a meeting's audit trail is the app's rule (managers and administrators, checked by Spring
 * Security and the API), so the engine is queried with the caller's authentication cleared, and
 * the authentication is restored afterwards.
 */
@Service
public class AuditTrail {

    private final Meetings meetings;
    private final AuditRecord record;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;

    AuditTrail(Meetings meetings, AuditRecord record, HistoryService historyService, RepositoryService repositoryService,
               IdentityService identityService) {
        this.meetings = meetings;
        this.record = record;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    /**
     * The meeting's audit trail, oldest first (entries at the same instant keep the order of
     * their sources: the modules' records before the engine's).
     *
     * @throws org.convene.meeting.MeetingNotFoundException for an unknown code
     */
    public List<AuditEntry> of(String meetingCode) {
        meetings.get(meetingCode);
        List<AuditEntry> entries = new ArrayList<>(record.entries(meetingCode));
        entries.addAll(SystemAuthentication.asSystem(identityService, () -> engineHistory(meetingCode)));
        entries.sort(Comparator.comparing(AuditEntry::when));
        return entries;
    }

    /** The engine's user operation log of every process instance of the meeting, one entry per operation. */
    List<AuditEntry> engineHistory(String code) {
        Map<String, HistoricProcessInstance> instances = new LinkedHashMap<>();
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list()
                .forEach(instance -> instances.put(instance.getId(), instance));
        if (instances.isEmpty()) {
            return List.of();
        }
        Map<String, String> taskNames = new HashMap<>();
        historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code).list()
                .forEach(task -> taskNames.put(task.getId(), task.getName()));
        Map<String, Optional<Integer>> timeToLive = new HashMap<>();

        Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
        for (String instanceId : instances.keySet()) {
            for (UserOperationLogEntry logged : historyService.createUserOperationLogQuery().processInstanceId(instanceId)
                    .orderByTimestamp().asc().list()) {
                String operation = logged.getOperationId() != null ? logged.getOperationId() : logged.getId();
                operations.computeIfAbsent(operation, id -> new ArrayList<>()).add(logged);
            }
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (List<UserOperationLogEntry> operation : operations.values()) {
            UserOperationLogEntry first = operation.get(0);
            HistoricProcessInstance instance = instances.get(first.getProcessInstanceId());
            String process = instance != null && instance.getProcessDefinitionName() != null
                    ? instance.getProcessDefinitionName() : first.getProcessDefinitionKey();
            String task = first.getTaskId() == null ? null : taskNames.get(first.getTaskId());
            Optional<Integer> days = first.getProcessDefinitionId() == null ? Optional.empty()
                    : timeToLive.computeIfAbsent(first.getProcessDefinitionId(), this::historyTimeToLive);
            entries.add(new AuditEntry(OffsetDateTime.ofInstant(first.getTimestamp().toInstant(), ZoneOffset.UTC),
                    first.getUserId(), operationName(first.getOperationType(), first.getEntityType()),
                    task != null ? task + " · " + process : process, null, changes(operation),
                    AuditEntry.ENGINE_HISTORY + days.map(d -> " (kept " + d + " days)").orElse(""), true));
        }
        return entries;
    }

    private Optional<Integer> historyTimeToLive(String processDefinitionId) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionId(processDefinitionId).singleResult();
        return Optional.ofNullable(definition).map(ProcessDefinition::getHistoryTimeToLive);
    }

    /** "assignee: grace", "priority: 50 → 70", an annotation; nothing for a plain completion. */
    static String changes(List<UserOperationLogEntry> operation) {
        List<String> changes = new ArrayList<>();
        for (UserOperationLogEntry logged : operation) {
            String property = logged.getProperty();
            if (property == null || ("delete".equals(property) && (UserOperationLogEntry.OPERATION_TYPE_COMPLETE
                    .equals(logged.getOperationType()) || UserOperationLogEntry.OPERATION_TYPE_DELETE.equals(logged.getOperationType())))) {
                continue;
            }
            String value = logged.getOrgValue() == null ? String.valueOf(logged.getNewValue())
                    : logged.getOrgValue() + " → " + logged.getNewValue();
            changes.add(property + ": " + value);
        }
        String annotation = operation.get(0).getAnnotation();
        if (annotation != null && !annotation.isBlank()) {
            changes.add("annotation: " + annotation);
        }
        return changes.isEmpty() ? null : String.join("; ", changes);
    }

    /** "Task completed", "Process started", ...; else the engine's own words, "Set job retries (job)". */
    static String operationName(String operationType, String entityType) {
        String entity = words(entityType);
        return switch (operationType == null ? "" : operationType) {
            case UserOperationLogEntry.OPERATION_TYPE_CREATE -> "ProcessInstance".equals(entityType)
                    ? "Process started" : "Created: " + entity;
            case UserOperationLogEntry.OPERATION_TYPE_COMPLETE -> "Task completed";
            case UserOperationLogEntry.OPERATION_TYPE_CLAIM -> "Task claimed";
            case UserOperationLogEntry.OPERATION_TYPE_ASSIGN -> "Task assigned";
            case UserOperationLogEntry.OPERATION_TYPE_DELEGATE -> "Task delegated";
            case UserOperationLogEntry.OPERATION_TYPE_RESOLVE -> "Task resolved";
            case UserOperationLogEntry.OPERATION_TYPE_SET_OWNER -> "Task owner set";
            case UserOperationLogEntry.OPERATION_TYPE_SET_PRIORITY -> "Task priority set";
            case UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE -> "Variable set";
            case UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE -> "Variables changed";
            case UserOperationLogEntry.OPERATION_TYPE_REMOVE_VARIABLE -> "Variable removed";
            case UserOperationLogEntry.OPERATION_TYPE_SUSPEND -> "Suspended: " + entity;
            case UserOperationLogEntry.OPERATION_TYPE_ACTIVATE -> "Activated: " + entity;
            default -> {
                String operation = words(operationType);
                yield operation.isEmpty() ? entity : Character.toUpperCase(operation.charAt(0)) + operation.substring(1)
                        + (entity.isEmpty() || operation.contains(entity) ? "" : " (" + entity + ")");
            }
        };
    }

    /** "ProcessInstance" → "process instance". */
    private static String words(String camelCase) {
        return camelCase == null ? "" : camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
