package com.casedesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${claimFirstContactListener}}, on the reply task's "assignment": a complaint that came in
 * without a staff member (app, forum, patrol) gets its first-contact owner when someone of the
 * front desk claims the reply. Later assignments do not change the owner.
 */
@Component
class ClaimFirstContactListener implements TaskListener {

  private final ComplaintCases cases;

  ClaimFirstContactListener(ComplaintCases cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() != null && task.getVariable(ComplaintProcess.Var.FIRST_CONTACT_OWNER) == null) {
      task.setVariable(ComplaintProcess.Var.FIRST_CONTACT_OWNER, task.getAssignee());
      cases.firstContactOwner(task.getExecution().getProcessBusinessKey(), task.getAssignee());
    }
  }
}
