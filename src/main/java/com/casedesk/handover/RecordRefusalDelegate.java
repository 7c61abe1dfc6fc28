package com.casedesk.handover;

import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import com.casedesk.handover.HandoverProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordRefusalDelegate}}: the owner did not take the keys. The refusal is recorded on the
 * unit; the first contact books a re-inspection within
 * {@code casedesk.handover.reinspection-working-days} working days (the defects are being rectified meanwhile).
 */
@Component
class RecordRefusalDelegate implements JavaDelegate {

  private final UnitHandovers handovers;
  private final UnitEvents events;
  private final WorkingTime workingTime;
  private final HandoverProperties properties;

  RecordRefusalDelegate(UnitHandovers handovers, UnitEvents events, WorkingTime workingTime, HandoverProperties properties) {
    this.handovers = handovers;
    this.events = events;
    this.workingTime = workingTime;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = (String) execution.getVariable(Var.REFUSAL_REASON);
    handovers.refused(execution.getProcessBusinessKey(), reason);
    events.record((String) execution.getVariable(Var.UNIT_CODE), execution.getProcessBusinessKey(), "handover-refused",
        "业主拒收：" + reason, (String) execution.getVariable(Var.FIRST_CONTACT_OWNER));
    execution.setVariable(Var.REINSPECTION_DUE,
        workingTime.addWorkingDays(EngineClock.now(), properties.reinspectionWorkingDays()));
  }
}
