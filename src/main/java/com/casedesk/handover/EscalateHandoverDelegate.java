package com.casedesk.handover;

import com.casedesk.handover.HandoverProcess.Var;
import com.casedesk.models.ElementProperties;
import com.casedesk.notification.CaseMessages;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${escalateHandoverDelegate}}: a handover step owned by the front desk missed its
 * deadline; the customer-relations supervisors are told (outbox) and it is recorded on the unit.
 * Extension property {@code step}: pre-inspection, joint-inspection, reinspection or care-visit.
 */
@Component
class EscalateHandoverDelegate implements JavaDelegate {

  static final String SUPERVISOR_GROUP = "cs-supervisor";

  private final CaseMessages messages;
  private final UnitEvents events;
  private final HandoverProperties properties;

  EscalateHandoverDelegate(CaseMessages messages, UnitEvents events, HandoverProperties properties) {
    this.messages = messages;
    this.events = events;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = ElementProperties.required(execution, "step");
    String stepLabel = properties.label("step", step);
    Object inspections = execution.getVariable("inspectionRound");
    messages.toGroup(execution, "escalation-" + step + "-" + (inspections == null ? 1 : inspections), SUPERVISOR_GROUP,
        properties.messages().escalation(), Map.of("step", stepLabel));
    events.record((String) execution.getVariable(Var.UNIT_CODE), execution.getProcessBusinessKey(), "escalated",
        stepLabel + "超时，已升级客户关系主管", null);
  }
}
