package com.casedesk.complaint;

import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${reopenComplaintDelegate}}: the owner is not satisfied. The case goes back to handling
 * with a new resolution deadline; from the configured reopen on, the customer-service manager
 * joins the handling group and is told.
 */
@Component
class ReopenComplaintDelegate implements JavaDelegate {

  /** variables of instances started on the model before 27 Nov 2026, whose timers read them */
  private static final String EARLIER_GM_ESCALATION_DUE = "gmEscalationDue";
  private static final String EARLIER_GROUP_ESCALATION_DUE = "groupEscalationDue";

  private final ComplaintCases cases;
  private final WorkingTime workingTime;
  private final ComplaintMessages messages;
  private final ComplaintProperties properties;
  private final ComplaintLabels labels;

  ReopenComplaintDelegate(ComplaintCases cases, WorkingTime workingTime, ComplaintMessages messages,
      ComplaintProperties properties, ComplaintLabels labels) {
    this.cases = cases;
    this.workingTime = workingTime;
    this.messages = messages;
    this.properties = properties;
    this.labels = labels;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int reopenCount = ((Number) execution.getVariable(ComplaintProcess.Var.REOPEN_COUNT)).intValue() + 1;
    execution.setVariable(ComplaintProcess.Var.REOPEN_COUNT, reopenCount);
    int days = ((Number) execution.getVariable(ComplaintProcess.Var.RESOLUTION_WORKING_DAYS)).intValue();
    Date resolutionDue = workingTime.addWorkingDays(EngineClock.now(), days);
    execution.setVariable(ComplaintProcess.Var.RESOLUTION_DUE, resolutionDue);
    labels.resolutionDueChanged(execution, resolutionDue);
    if (execution.hasVariable(EARLIER_GM_ESCALATION_DUE)) {
      // an instance of the model before 27 Nov 2026: its timers read the escalation points from variables
      execution.setVariable(EARLIER_GM_ESCALATION_DUE, workingTime.addWorkingDays(resolutionDue,
          ((Number) execution.getVariable(ComplaintProcess.Var.GM_ESCALATION_WORKING_DAYS)).intValue()));
      execution.setVariable(EARLIER_GROUP_ESCALATION_DUE, workingTime.addWorkingDays(resolutionDue,
          ((Number) execution.getVariable(ComplaintProcess.Var.GROUP_ESCALATION_WORKING_DAYS)).intValue()));
    }

    String groups = (String) execution.getVariable(ComplaintProcess.Var.HANDLING_GROUPS);
    if (reopenCount >= properties.managerAfterReopens() && !groups.contains(ComplaintProcess.MANAGER_GROUP)) {
      execution.setVariable(ComplaintProcess.Var.HANDLING_GROUPS, groups + "," + ComplaintProcess.MANAGER_GROUP);
    }
    if (reopenCount >= properties.managerAfterReopens()) {
      messages.toGroup(execution, "reopen-manager-r" + reopenCount, ComplaintProcess.MANAGER_GROUP,
          properties.messages().reopenToManager(), Map.of());
    }
    cases.reopened(execution.getProcessBusinessKey(), reopenCount,
        ComplaintProcess.satisfaction(execution),
        (String) execution.getVariable(ComplaintProcess.Var.SATISFACTION_COMMENT), resolutionDue);
  }
}
