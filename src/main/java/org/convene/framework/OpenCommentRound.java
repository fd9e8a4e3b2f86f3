package org.convene.framework;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.convene.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * "Open comment round": opens the participants' round and sets
 * {@link SummaryConclusionsProcess#COMMENT_DEADLINE} for the timer.
 */
@Component("openCommentRound")
class OpenCommentRound implements JavaDelegate {

    private final CommentRound commentRound;

    OpenCommentRound(CommentRound commentRound) {
        this.commentRound = commentRound;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String meetingCode = (String) execution.getVariable(ProcessVariables.MEETING_CODE);
        Date deadline = Date.from(commentRound.open(meetingCode, execution.getProcessInstanceId()));
        execution.setVariable(SummaryConclusionsProcess.COMMENT_DEADLINE, deadline);
    }
}
