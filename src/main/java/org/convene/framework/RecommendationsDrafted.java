package org.convene.framework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.convene.workflow.Tasks;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Draft recommendations": the recommendations as they stand on their page
 * become the next version of the RECOMMENDATIONS document, which the reviewers sign off. None yet:
 * the form shows why and the task stays open (the REST API answers 400).
 */
@Component("recommendationsDrafted")
class RecommendationsDrafted implements TaskListener {

    private final Recommendations recommendations;

    RecommendationsDrafted(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            recommendations.submit(Tasks.meetingCode(task), Tasks.currentUser(task), task.getId());
        } catch (IllegalStateException none) {
            throw new FormFieldValidationException(RecommendationsProcess.RECOMMENDATIONS_READY,
                    "'" + task.getName() + "' was not completed: " + none.getMessage());
        }
    }
}
