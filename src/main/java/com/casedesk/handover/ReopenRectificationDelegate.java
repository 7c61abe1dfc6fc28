package com.casedesk.handover;

import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${reopenRectificationDelegate}}: the owner did not accept the rectification; it goes
 * back to the contractor as rework, with a new deadline of the category's working days.
 */
@Component
class ReopenRectificationDelegate implements JavaDelegate {

  private final UnitDefects defects;
  private final WorkingTime workingTime;

  ReopenRectificationDelegate(UnitDefects defects, WorkingTime workingTime) {
    this.defects = defects;
    this.workingTime = workingTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int days = ((Number) execution.getVariable("deadlineWorkingDays")).intValue();
    Date due = workingTime.addWorkingDays(EngineClock.now(), days);
    ScheduleRectificationDelegate.setRectificationDeadlines(execution, workingTime, due);
    defects.reopened(execution.getProcessBusinessKey(), due);
  }
}
