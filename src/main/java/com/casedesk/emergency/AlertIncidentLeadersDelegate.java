package com.casedesk.emergency;

import com.casedesk.emergency.MassComplaintProcess.Var;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${alertIncidentLeadersDelegate}}: tells at once every group the grade names (project GM
 * and group centre; level I also the company head), through the outbox. Their tasks follow.
 */
@Component
class AlertIncidentLeadersDelegate implements JavaDelegate {

  private final IncidentMessages messages;
  private final MassIncidents incidents;
  private final EmergencyProperties properties;

  AlertIncidentLeadersDelegate(IncidentMessages messages, MassIncidents incidents, EmergencyProperties properties) {
    this.messages = messages;
    this.incidents = incidents;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String groups = (String) execution.getVariable(Var.NOTIFY_GROUPS);
    Arrays.stream(groups.split(",")).map(String::trim).filter(group -> !group.isEmpty()).forEach(group ->
        messages.toGroup(execution, "alert", group, properties.messages().alert(), Map.of()));
    incidents.stepDone(execution.getProcessBusinessKey(), ResponseStep.ALERT);
  }
}
