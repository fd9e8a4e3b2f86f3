package org.convene.document;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.convene.workflow.DraftAuthors;
import org.springframework.stereotype.Component;

/**
 * The author of the document version a task decides on (cv_document_version.author): the
 * sign-off's own tasks know their version (`documentVersionId`); the modules whose tasks review
 * the latest version of a meeting's document ask {@link #latest}.
 */
@Component
public class DocumentDraftAuthors implements DraftAuthors {

    private final Documents documents;

    DocumentDraftAuthors(Documents documents) {
        this.documents = documents;
    }

    @Override
    public Optional<Draft> draftDecidedBy(DelegateTask task) {
        if (SignOffProcess.TASK_SIGN_OFF_DRAFT.equals(task.getTaskDefinitionKey())
                && task.getVariable(DocumentVariables.DOCUMENT_VERSION_ID) instanceof Number versionId) {
            return version(versionId.longValue());
        }
        return Optional.empty();
    }

    /**
     * The latest version of one of a meeting's documents and its author.
     *
     * @param part the working group or day the document belongs to; null or "" for a meeting's single document
     * @return empty when the document has no version yet, or its latest version has no author
     */
    public Optional<Draft> latest(String meetingCode, DocumentKind kind, String part) {
        return documents.latest(meetingCode, kind, part).flatMap(latest -> version(latest.id()));
    }

    /** The version and its author: "Background paper (version 2)". */
    Optional<Draft> version(long versionId) {
        Documents.Version version = documents.version(versionId);
        return Optional.ofNullable(version.author()).map(author -> new Draft(author, documents.versionTitle(versionId)));
    }
}
