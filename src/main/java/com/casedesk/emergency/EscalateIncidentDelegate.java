package com.casedesk.emergency;

import com.casedesk.emergency.MassComplaintProcess.Var;
import com.casedesk.models.ElementProperties;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${escalateIncidentDelegate}}: a step of the response missed its target. The group centre
 * (which leads mass-complaint responses) is told, and for a level-I incident the company head;
 * the step is recorded as escalated. Extension property {@code step}: the step's id (a missed
 * progress update: {@code progress-update}, counted per round).
 */
@Component
class EscalateIncidentDelegate implements JavaDelegate {

  static final String PROGRESS_UPDATE = "progress-update";

  private final IncidentMessages messages;
  private final MassIncidents incidents;
  private final EmergencyProperties properties;

  EscalateIncidentDelegate(IncidentMessages messages, MassIncidents incidents, EmergencyProperties properties) {
    this.messages = messages;
    this.incidents = incidents;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    String step = ElementProperties.required(execution, "step");
    String purpose = "escalation-" + step;
    if (PROGRESS_UPDATE.equals(step)) {
      purpose += "-" + execution.getVariable(Var.UPDATE_ROUND);
      incidents.updateMissed(caseNumber);
    } else {
      ResponseStep.of(step).ifPresent(known -> incidents.stepEscalated(caseNumber, known));
    }
    Map<String, String> values = Map.of("step", properties.label("step", step));
    messages.toGroup(execution, purpose, MassComplaintProcess.GROUP_CENTRE, properties.messages().escalation(), values);
    if ("I".equals(execution.getVariable(Var.LEVEL))) {
      messages.toGroup(execution, purpose, MassComplaintProcess.COMPANY_HEAD, properties.messages().escalation(), values);
    }
  }
}
