package com.casedesk.emergency;

import com.casedesk.complaint.ComplaintProcess;
import com.casedesk.emergency.MassComplaintProcess.Var;
import com.casedesk.notification.CaseMessages;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${resolveMassIncidentDelegate}}: the incident is resolved. Its open key is released and
 * every linked complaint still in handling moves on to its callback, with the incident's
 * resolution as its handling result. The incident row is updated first, so that no complaint is
 * linked to it meanwhile and missed.
 */
@Component
class ResolveMassIncidentDelegate implements JavaDelegate {

  private final MassIncidents incidents;
  private final IncidentLinks links;
  private final EmergencyProperties properties;

  ResolveMassIncidentDelegate(MassIncidents incidents, IncidentLinks links, EmergencyProperties properties) {
    this.incidents = incidents;
    this.links = links;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    String resolution = (String) execution.getVariable(Var.RESOLUTION_SUMMARY);
    incidents.resolved(caseNumber, resolution);
    String handlingResult = CaseMessages.fill(properties.messages().resolved(), execution, Map.of());
    links.tellLinked(caseNumber, ComplaintProcess.Message.INCIDENT_RESOLVED, ComplaintProcess.Var.HANDLING_RESULT, handlingResult);
  }
}
