package com.casedesk.emergency;

import com.casedesk.emergency.MassComplaintProcess.Var;
import com.casedesk.models.DecisionResults;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${applyIncidentGradingDelegate}}: the grade of incident-grading.dmn (result
 * {@code grading}) becomes the incident's level, the groups to alert and the update cycle.
 */
@Component
class ApplyIncidentGradingDelegate implements JavaDelegate {

  private final MassIncidents incidents;
  private final EmergencyProperties properties;

  ApplyIncidentGradingDelegate(MassIncidents incidents, EmergencyProperties properties) {
    this.incidents = incidents;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    Map<String, Object> grading = DecisionResults.take(execution, Var.GRADING);
    if (grading == null || grading.get(Var.LEVEL) == null) {
      throw new IllegalStateException("incident-grading.dmn matched no rule for " + caseNumber);
    }
    String level = (String) grading.get(Var.LEVEL);
    String notify = (String) grading.get(Var.NOTIFY_GROUPS);
    String cycle = (String) grading.get(Var.UPDATE_CYCLE);
    try {
      if (Duration.parse(cycle).isNegative() || Duration.parse(cycle).isZero()) {
        throw new IllegalStateException("incident-grading.dmn: the update cycle must be positive: " + cycle);
      }
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalStateException("incident-grading.dmn: the update cycle is not an ISO-8601 duration: " + cycle, e);
    }
    incidents.graded(caseNumber, level, cycle);
    execution.setVariable(Var.LEVEL, level);
    execution.setVariable(Var.NOTIFY_GROUPS, notify);
    execution.setVariable(Var.NOTIFY_COMPANY_HEAD,
        notify != null && Arrays.asList(notify.split("\\s*,\\s*")).contains(MassComplaintProcess.COMPANY_HEAD));
    execution.setVariable(Var.UPDATE_CYCLE, cycle);
    execution.setVariable("levelLabel", properties.label("level", level));
    execution.setVariable("updateCycleLabel", properties.label("cycle", cycle));
  }
}
