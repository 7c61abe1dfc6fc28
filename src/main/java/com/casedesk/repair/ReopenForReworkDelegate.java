package com.casedesk.repair;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${reopenForReworkDelegate}}: the owner was not satisfied or disputed the charge. Counts
 * the rework (返修) on the order and sets the new visit's on-site deadline from now.
 */
@Component
class ReopenForReworkDelegate implements JavaDelegate {

  private final RepairDeadlines deadlines;
  private final RepairOrders orders;
  private final Technicians technicians;

  ReopenForReworkDelegate(RepairDeadlines deadlines, RepairOrders orders, Technicians technicians) {
    this.deadlines = deadlines;
    this.orders = orders;
    this.technicians = technicians;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int reworkCount = ((Number) execution.getVariable(RepairProcess.Var.REWORK_COUNT)).intValue() + 1;
    execution.setVariable(RepairProcess.Var.REWORK_COUNT, reworkCount);
    Date onSiteDue = deadlines.scheduleOnSite(execution, false);
    execution.setVariable(RepairProcess.Var.TECHNICIAN_OPTIONS,
        technicians.options((String) execution.getVariable(RepairProcess.Var.COMPANY_CODE)));
    orders.reopenedForRework(execution.getProcessBusinessKey(), reworkCount, onSiteDue);
  }
}
