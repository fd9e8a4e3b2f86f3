package org.convene.framework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Draft Common Framework": the framework as it stands on its page becomes the
 * next version of the COMMON_FRAMEWORK document, which the reviewers sign off. No element yet: the
 * form shows why and the task stays open (the REST API answers 400).
 */
@Component("commonFrameworkDrafted")
class CommonFrameworkDrafted implements TaskListener {

    private final CommonFramework framework;

    CommonFrameworkDrafted(CommonFramework framework) {
        this.framework = framework;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            framework.submit(Tasks.meetingCode(task), Tasks.currentUser(task), task.getId());
        } catch (IllegalStateException none) {
            throw new FormFieldValidationException(CommonFrameworkProcess.FRAMEWORK_READY,
                    "'" + task.getName() + "' was not completed: " + none.getMessage());
        }
    }
}
