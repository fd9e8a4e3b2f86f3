package org.convene.meeting;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Built-in listeners on ExpertMeetingProcess (added when a definition is parsed, every version): the
 * start of each phase's call activity and the end of the process go to {@link MeetingLifecycle}; the phase
 * is also set on the instance ({@link MeetingPhase#VARIABLE}) for Cockpit's instance view.
 * Built-in listeners run even when a deletion skips custom listeners (Cockpit's default), so a
 * meeting deleted by hand is seen ended.
 */
@Component
class MeetingLifecycleListeners extends AbstractProcessEnginePlugin {

    private final ObjectProvider<MeetingLifecycle> lifecycle;

    MeetingLifecycleListeners(ObjectProvider<MeetingLifecycle> lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity definition) {
                if (ExpertMeetingProcess.ID.equals(definition.getKey())) {
                    definition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
                            (ExecutionListener) MeetingLifecycleListeners.this::ended);
                }
            }

            @Override
            public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (scope.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && ExpertMeetingProcess.ID.equals(definition.getKey())) {
                    MeetingPhase.ofCallActivity(activity.getId()).ifPresent(phase -> activity.addBuiltInListener(
                            ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> started(execution, phase)));
                }
            }
        });
    }

    void started(DelegateExecution execution, MeetingPhase phase) {
        execution.getProcessInstance().setVariable(MeetingPhase.VARIABLE, phase.label());
        lifecycle.getObject().phaseStarted(execution.getProcessBusinessKey(), phase, execution.getProcessInstanceId(), user());
    }

    void ended(DelegateExecution execution) {
        String reason = execution instanceof ExecutionEntity entity ? entity.getDeleteReason() : null;
        lifecycle.getObject().ended(execution.getProcessBusinessKey(), !execution.isCanceled(), reason, user());
    }

    private static String user() {
        return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    }
}
