package org.convene.document;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.ProcessVariables;
import org.convene.workflow.ReviewDecision;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/** Complete listener of "Sign off draft": the reviewer's signature or rejection (with comments) of the version. */
@Component("signOffRecorded")
class SignOffRecordedListener implements TaskListener {

    private final SignOff signOff;

    SignOffRecordedListener(SignOff signOff) {
        this.signOff = signOff;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = Tasks.decision(task, ReviewDecision.REJECT);
        long versionId = ((Number) task.getVariable(DocumentVariables.DOCUMENT_VERSION_ID)).longValue();
        signOff.record(versionId, decision, Tasks.text(task, ProcessVariables.COMMENTS), Tasks.currentUser(task),
                task.getId());
    }
}
