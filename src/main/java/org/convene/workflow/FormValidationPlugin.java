package org.convene.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Validates, on the server, what is submitted with every user task that has a Camunda Form, and
 * what a process is started with when its start event has one: Tasklist checks the form only in
 * the browser and the REST API takes anything. A task whose values break its form's rules is not
 * completed, a process not started (the REST API answers 400 naming each field and the reason),
 * and nothing of the submission is stored.
 *
 * <p>A start form's field marked with the custom property {@code businessKey=true} may be given
 * as the business key of the start instead (the process's own start listener checks that key).
 * A date that the form keeps out of the past ({@code notBefore: today}) is checked when a
 * person submits it, and refused only once that day has passed everywhere on Earth (UTC−12):
 * a process that knows its place's time zone checks the exact day itself; the app's own starts
 * and completions without a user (the demo's seed) are not held to today.
 */
@Component
public class FormValidationPlugin extends AbstractProcessEnginePlugin {

    private final DeployedForms forms;

    FormValidationPlugin(DeployedForms forms) {
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPreBPMNParseListeners(listeners);
        }
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
        if (interceptors == null) {
            interceptors = new ArrayList<>();
            configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        }
        interceptors.add(new CauseUnwrapping(FormFieldValidationException.class));
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    // built-in listeners run before the ones in the BPMN, so nothing is stored first
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, FormValidationPlugin.this::validate);
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, FormValidationPlugin::nameTheMeeting);
                }
            }

            @Override
            public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl startEvent) {
                String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                if (formRef != null && scope instanceof ProcessDefinitionEntity process) {
                    // first of the process's start listeners: before any of the BPMN's stores anything
                    process.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                            (ExecutionListener) execution -> validateStart(execution, formRef), 0);
                }
            }
        });
    }


    /**
     * Tasklist's list shows a task's own variables to everyone who may see the task (a process
     * variable would need read access to the whole instance): each task carries its meeting's
     * code and title, and the title of the document it works on, so that staff working on several
     * meetings can tell their tasks apart and pick the next one.
     */
    static void nameTheMeeting(DelegateTask task) {
        Object code = task.getVariable(ProcessVariables.MEETING_CODE);
        if (code != null) {
            task.setVariableLocal(TASK_MEETING_VARIABLE, code);
        }
        Object title = task.getVariable(ProcessVariables.MEETING_TITLE);
        if (title != null) {
            task.setVariableLocal(TASK_MEETING_TITLE_VARIABLE, title);
        }
        Object document = task.getVariable(ProcessVariables.DOCUMENT_TITLE);
        if (document != null) {
            task.setVariableLocal(TASK_DOCUMENT_VARIABLE, document);
        }
    }

    /** The task-local variable naming the task's meeting (its code), shown in Tasklist's lists. */
    public static final String TASK_MEETING_VARIABLE = "meeting";
    /** The task-local variable with the meeting's title, shown in Tasklist's lists. */
    public static final String TASK_MEETING_TITLE_VARIABLE = "meetingName";
    /** The task-local variable with the title of the document the task works on, shown in Tasklist's lists. */
    public static final String TASK_DOCUMENT_VARIABLE = "documentName";

    private void validate(DelegateTask task) {
        UserTask model = (UserTask) task.getBpmnModelElementInstance();
        String formId = model == null ? null : model.getCamundaFormRef();
        var repository = task.getProcessEngineServices().getRepositoryService();
        forms.find(repository, task.getProcessDefinitionId(), formId).ifPresent(form -> {
            List<String> problems = FormSubmissionValidator.violations(form, task::getVariable,
                    notBefore(task.getProcessEngineServices()));
            if (!problems.isEmpty()) {
                throw new FormFieldValidationException(problems,
                        "'" + task.getName() + "' was not completed: " + String.join("; ", problems));
            }
        });
    }

    private void validateStart(DelegateExecution execution, String formRef) {
        var repository = execution.getProcessEngineServices().getRepositoryService();
        forms.find(repository, execution.getProcessDefinitionId(), formRef).ifPresent(form -> {
            String businessKey = execution.getProcessBusinessKey();
            FormSchema asked = form.without(field -> field.businessKey() && businessKey != null
                    && execution.getVariable(field.key()) == null);
            List<String> problems = FormSubmissionValidator.violations(asked, execution::getVariable,
                    notBefore(execution.getProcessEngineServices()));
            if (!problems.isEmpty()) {
                String process = repository.getProcessDefinition(execution.getProcessDefinitionId()).getName();
                throw new FormFieldValidationException(problems,
                        "'" + process + "' was not started: " + String.join("; ", problems));
            }
        });
    }

    /** Today where it is earliest (UTC−12), by the engine's clock, when a person submits; else null (not checked). */
    private static LocalDate notBefore(ProcessEngineServices services) {
        Authentication person = services.getIdentityService().getCurrentAuthentication();
        return person == null ? null : FormSubmissionValidator.todaySomewhere(EngineClock.instant());
    }
}
