package com.casedesk.repair;

import com.casedesk.models.ElementProperties;
import com.casedesk.notification.CaseMessages;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${escalateRepairDelegate}}: an on-site, completion or callback deadline passed. Records
 * the escalation level on the order and tells the group above (outbox, once per step and visit).
 * Extension properties: {@code escalationLevel} (DISPATCH, SUPERVISOR), {@code escalationGroup} and
 * {@code escalationStep} (what is late, in words staff read).
 */
@Component
class EscalateRepairDelegate implements JavaDelegate {

  private final RepairOrders orders;
  private final CaseMessages messages;
  private final RepairProperties properties;

  EscalateRepairDelegate(RepairOrders orders, CaseMessages messages, RepairProperties properties) {
    this.orders = orders;
    this.messages = messages;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RepairOrder.EscalationLevel level = RepairOrder.EscalationLevel.valueOf(ElementProperties.required(execution, "escalationLevel"));
    String group = ElementProperties.required(execution, "escalationGroup");
    String step = ElementProperties.required(execution, "escalationStep");
    orders.escalated(execution.getProcessBusinessKey(), level);
    String purpose = "escalation-" + execution.getCurrentActivityId() + "-r" + execution.getVariable(RepairProcess.Var.REWORK_COUNT);
    messages.toGroup(execution, purpose, group, properties.messages().escalation(), Map.of("step", step));
  }
}
