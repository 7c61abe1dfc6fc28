package com.casedesk.complaint;

import com.casedesk.models.ElementProperties;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${escalateComplaintDelegate}}: a deadline passed. Records the escalation level on the case
 * and tells the level above (outbox). Extension properties: {@code escalationLevel} (SUPERVISOR, GM,
 * GROUP_CENTRE), {@code escalationGroup} (the group whose task follows) and {@code escalationStep}
 * (what is late, in words staff read). The case keeps its owner.
 */
@Component
class EscalateComplaintDelegate implements JavaDelegate {

  private final ComplaintCases cases;
  private final ComplaintMessages messages;
  private final ComplaintProperties properties;

  EscalateComplaintDelegate(ComplaintCases cases, ComplaintMessages messages, ComplaintProperties properties) {
    this.cases = cases;
    this.messages = messages;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintCase.EscalationLevel level =
        ComplaintCase.EscalationLevel.valueOf(ElementProperties.required(execution, "escalationLevel"));
    String group = ElementProperties.required(execution, "escalationGroup");
    String step = ElementProperties.required(execution, "escalationStep");
    cases.escalated(execution.getProcessBusinessKey(), level);
    String purpose = "escalation-" + execution.getCurrentActivityId() + "-r" + execution.getVariable(ComplaintProcess.Var.REOPEN_COUNT);
    messages.toGroup(execution, purpose, group, properties.messages().escalation(), Map.of("step", step));
  }
}
