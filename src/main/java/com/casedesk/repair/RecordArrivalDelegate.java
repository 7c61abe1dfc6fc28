package com.casedesk.repair;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordArrivalDelegate}}: the technician confirmed being on site; the confirmation time
 * is the arrival time (it cannot be typed in). Starts the completion deadline.
 */
@Component
class RecordArrivalDelegate implements JavaDelegate {

  private final RepairDeadlines deadlines;
  private final RepairOrders orders;

  RecordArrivalDelegate(RepairDeadlines deadlines, RepairOrders orders) {
    this.deadlines = deadlines;
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date completionDue = deadlines.scheduleCompletion(execution);
    orders.arrived(execution.getProcessBusinessKey(), completionDue);
  }
}
