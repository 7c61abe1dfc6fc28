package com.casedesk.handover;

import com.casedesk.handover.HandoverProcess.Var;
import com.casedesk.models.ElementProperties;
import com.casedesk.notification.CaseMessages;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${escalateDefectDelegate}}: a defect's deadline passed. Extension properties
 * {@code step} (assign, rectify, confirmation) and {@code escalationGroup} (the rectification
 * office first, then the project GM); the group is told (outbox) and the level recorded. The
 * defect keeps its owner.
 */
@Component
class EscalateDefectDelegate implements JavaDelegate {

  private final CaseMessages messages;
  private final UnitDefects defects;
  private final UnitEvents events;
  private final HandoverProperties properties;

  EscalateDefectDelegate(CaseMessages messages, UnitDefects defects, UnitEvents events, HandoverProperties properties) {
    this.messages = messages;
    this.defects = defects;
    this.events = events;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = ElementProperties.required(execution, "step");
    String group = ElementProperties.required(execution, "escalationGroup");
    String stepLabel = properties.label("step", step);
    Object reworks = defects.find(execution.getProcessBusinessKey()).map(UnitDefects.Defect::reworkCount).orElse(0);
    messages.toGroup(execution, "escalation-" + step + "-" + group + "-r" + reworks, group,
        properties.messages().defectEscalation(), Map.of("step", stepLabel));
    if (!"confirmation".equals(step)) {
      defects.escalated(execution.getProcessBusinessKey(), group);
    }
    events.record((String) execution.getVariable(Var.UNIT_CODE), execution.getProcessBusinessKey(), "escalated",
        stepLabel + "超时，已升级：" + group, null);
  }
}
