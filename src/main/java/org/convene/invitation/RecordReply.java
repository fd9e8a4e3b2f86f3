package org.convene.invitation;

import static org.convene.invitation.InvitationProcess.PARTICIPANT_ID;
import static org.convene.invitation.InvitationProcess.REPLY;
import static org.convene.invitation.InvitationProcess.REPLY_CHANNEL;
import static org.convene.invitation.InvitationProcess.REPLY_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/** Complete listener of "Record reply": a reply received by phone, letter, e-mail or in person (the form checked it). */
@Component("recordReply")
class RecordReply implements TaskListener {

    private final InvitationReplies replies;

    RecordReply(InvitationReplies replies) {
        this.replies = replies;
    }

    @Override
    public void notify(DelegateTask task) {
        replies.record(Tasks.meetingCode(task), Long.parseLong((String) task.getVariable(PARTICIPANT_ID)),
                InvitationReply.ofFormValue(task.getVariable(REPLY)).orElseThrow(),
                ReplyChannel.ofFormValue(task.getVariable(REPLY_CHANNEL)).orElseThrow(),
                Tasks.text(task, REPLY_NOTE), Tasks.currentUser(task), task.getId());
    }
}
