package com.casedesk.complaint;

import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${recordResolutionDelegate}}: the department resolved the case; the callback is now due. */
@Component
class RecordResolutionDelegate implements JavaDelegate {

  private final ComplaintCases cases;
  private final WorkingTime workingTime;
  private final ComplaintProperties properties;

  RecordResolutionDelegate(ComplaintCases cases, WorkingTime workingTime, ComplaintProperties properties) {
    this.cases = cases;
    this.workingTime = workingTime;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date callbackDue = workingTime.addWorkingDays(EngineClock.now(), properties.callbackWorkingDays());
    execution.setVariable(ComplaintProcess.Var.CALLBACK_DUE, callbackDue);
    cases.resolved(execution.getProcessBusinessKey(),
        (String) execution.getVariable(ComplaintProcess.Var.HANDLING_RESULT), callbackDue);
  }
}
