package com.casedesk.emergency;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${closeMassIncidentDelegate}}: after the review (复盘) the incident is closed. */
@Component
class CloseMassIncidentDelegate implements JavaDelegate {

  private final MassIncidents incidents;

  CloseMassIncidentDelegate(MassIncidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.closed(execution.getProcessBusinessKey());
  }
}
