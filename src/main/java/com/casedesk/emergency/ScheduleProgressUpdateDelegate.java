package com.casedesk.emergency;

import com.casedesk.calendar.WorkingTime;
import com.casedesk.emergency.MassComplaintProcess.Var;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${scheduleProgressUpdateDelegate}}: the next progress update (进展通报). Update n is due
 * n update cycles after the declaration, whenever the one before was published: a late update
 * does not move the cycle.
 */
@Component
class ScheduleProgressUpdateDelegate implements JavaDelegate {

  private final MassIncidents incidents;
  private final WorkingTime workingTime;

  ScheduleProgressUpdateDelegate(MassIncidents incidents, WorkingTime workingTime) {
    this.incidents = incidents;
    this.workingTime = workingTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object previous = execution.getVariable(Var.UPDATE_ROUND);
    int round = previous instanceof Number number ? number.intValue() + 1 : 1;
    MassIncident incident = incidents.find(execution.getProcessBusinessKey()).orElseThrow();
    Duration cycle = Duration.parse(incident.updateCycle());
    Date due = new Date(Timestamp.valueOf(incident.declaredAt()).getTime() + cycle.multipliedBy(round).toMillis());
    execution.setVariable(Var.UPDATE_ROUND, round);
    execution.setVariable(Var.UPDATE_DUE, due);
    execution.setVariable("updateDueText", workingTime.format(due));
    execution.setVariable(Var.PROGRESS_TEXT, null);
    execution.setVariable(Var.ADDITIONAL_COMPLAINTS, null);
  }
}
