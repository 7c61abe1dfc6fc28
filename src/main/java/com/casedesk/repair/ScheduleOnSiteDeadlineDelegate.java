package com.casedesk.repair;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${scheduleOnSiteDeadlineDelegate}}: keeps the time limits the DMN gave and sets the first
 * visit's on-site deadline (15 minutes for urgent in-home repairs; a booked time where the table
 * says "by appointment").
 */
@Component
class ScheduleOnSiteDeadlineDelegate implements JavaDelegate {

  private final RepairDeadlines deadlines;
  private final RepairOrders orders;

  ScheduleOnSiteDeadlineDelegate(RepairDeadlines deadlines, RepairOrders orders) {
    this.deadlines = deadlines;
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.keepTimeLimits(execution);
    Date onSiteDue = deadlines.scheduleOnSite(execution, true);
    orders.scheduled(execution.getProcessBusinessKey(), onSiteDue);
  }
}
