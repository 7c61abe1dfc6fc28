package com.casedesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${closeComplaintDelegate}}: the owner is satisfied; the case closes and the owner is told. */
@Component
class CloseComplaintDelegate implements JavaDelegate {

  private final ComplaintCases cases;
  private final ComplaintMessages messages;
  private final ComplaintProperties properties;

  CloseComplaintDelegate(ComplaintCases cases, ComplaintMessages messages, ComplaintProperties properties) {
    this.cases = cases;
    this.messages = messages;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.closed(execution.getProcessBusinessKey(),
        ComplaintProcess.satisfaction(execution),
        (String) execution.getVariable(ComplaintProcess.Var.SATISFACTION_COMMENT));
    messages.toOwner(execution, "closed", properties.messages().closed());
  }
}
