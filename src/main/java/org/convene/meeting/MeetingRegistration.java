package org.convene.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.convene.workflow.EngineClock;
import org.convene.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Start listener of ExpertMeetingProcess: registers the proposed meeting ({@link MeetingProposal})
 * under its code, the business key, in the same transaction as the start, so a taken code refuses
 * the start itself. Sets the variables every phase shows: meetingCode, meetingTitle,
 * meetingPlace, meetingDates.
 */
@Component("meetingRegistration")
class MeetingRegistration implements ExecutionListener {

    private final Meetings meetings;

    MeetingRegistration(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Meeting meeting = MeetingProposal.read(execution.getProcessBusinessKey(), execution::getVariable, user != null,
                EngineClock.instant());
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(meeting.code());
        }
        meetings.register(meeting, execution.getProcessInstanceId(), user == null ? null : user.getUserId());
        execution.setVariable(ProcessVariables.MEETING_CODE, meeting.code());
        execution.setVariable(ProcessVariables.MEETING_TITLE, meeting.title());
        execution.setVariable(ProcessVariables.MEETING_PLACE, meeting.place());
        execution.setVariable(ProcessVariables.MEETING_DATES, meeting.datesLabel());
    }
}
