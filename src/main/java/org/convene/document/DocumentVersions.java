package org.convene.document;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.convene.workflow.ReviewDecision;
import org.convene.workflow.SystemAuthentication;
import org.springframework.stereotype.Component;

/**
 * Where each version of a document stands ({@link VersionStatus}), derived from what the module
 * recorded and from the version's sign-off:
 * <ol>
 *   <li>a review by a manager or chair decides it: its last one, approved or returned (a
 *       framework's approval after its sign-off is the last word);</li>
 *   <li>else its sign-off (the latest SignOffProcess for the version): in sign-off while it runs,
 *       then signed off or rejected as the process's outcome ({@code signedOff}) says; when the
 *       engine's history of it was cleaned up (history time-to-live), the signatures decide — no
 *       rejection, signed off;</li>
 *   <li>else a draft, or superseded once a later version exists.</li>
 * </ol>
 * The engine is asked as the system: a reviewer reading the page sees the same status as a manager.
 */
@Component
public class DocumentVersions {

    private final Documents documents;
    private final HistoryService history;
    private final IdentityService identity;

    DocumentVersions(Documents documents, HistoryService history, IdentityService identity) {
        this.documents = documents;
        this.history = history;
        this.identity = identity;
    }

    /** The version's status now. */
    public VersionStatus status(Documents.Version version) {
        List<Documents.Review> decisions = documents.reviewsOf(version.id());
        Optional<Documents.Review> review = decisions.stream().filter(d -> d.kind() == ReviewKind.REVIEW)
                .reduce((first, second) -> second);
        if (review.isPresent()) {
            return review.get().decision() == ReviewDecision.APPROVE ? VersionStatus.APPROVED : VersionStatus.RETURNED;
        }
        Optional<HistoricProcessInstance> signOff = latestSignOff(version.id());
        if (signOff.isPresent() && signOff.get().getEndTime() == null) {
            return VersionStatus.IN_SIGN_OFF;
        }
        Boolean signedOff = signOff.map(instance -> outcome(instance.getId())).orElse(null);
        List<Documents.Review> signatures = decisions.stream().filter(d -> d.kind() == ReviewKind.SIGN_OFF).toList();
        if (signedOff == null && !signatures.isEmpty()) {
            signedOff = signatures.stream().noneMatch(d -> d.decision() == ReviewDecision.REJECT);
        }
        if (signedOff != null) {
            return signedOff ? VersionStatus.SIGNED_OFF : VersionStatus.REJECTED;
        }
        return documents.latestVersionNumber(version.documentId()) > version.version()
                ? VersionStatus.SUPERSEDED : VersionStatus.DRAFT;
    }

    private Optional<HistoricProcessInstance> latestSignOff(long versionId) {
        return SystemAuthentication.asSystem(identity, () -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(SignOffProcess.ID)
                .variableValueEquals(DocumentVariables.DOCUMENT_VERSION_ID, versionId)
                .orderByProcessInstanceStartTime().desc()
                .listPage(0, 1).stream().findFirst());
    }

    /** The finished sign-off's {@code signedOff}; null when it ended without one (cancelled with its meeting). */
    private Boolean outcome(String processInstanceId) {
        List<HistoricVariableInstance> variables = SystemAuthentication.asSystem(identity, () ->
                history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                        .variableName(SignOffProcess.SIGNED_OFF).disableCustomObjectDeserialization().list());
        return variables.stream().map(HistoricVariableInstance::getValue).filter(Boolean.class::isInstance)
                .map(Boolean.class::cast).findFirst().orElse(null);
    }
}
