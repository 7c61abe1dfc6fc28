package com.casedesk.complaint;

import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code ${collectOpenComplaintsDelegate}}: lists the company's open complaints for the daily
 * inventory ({@code openComplaints}, {@code overdueComplaints}, both JSON for the form).
 */
@Component
class CollectOpenComplaintsDelegate implements JavaDelegate {

  private final ComplaintInventory inventory;
  private final WorkingTime workingTime;

  CollectOpenComplaintsDelegate(ComplaintInventory inventory, WorkingTime workingTime) {
    this.inventory = inventory;
    this.workingTime = workingTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintInventory.Snapshot snapshot =
        inventory.take(execution.getTenantId(), EngineClock.now().toInstant(), workingTime.zone());
    execution.setVariable("inventoryDay", workingTime.today().toString());
    execution.setVariable("openComplaints", SpinValues.jsonValue(snapshot.open().toString()).create());
    execution.setVariable("overdueComplaints", SpinValues.jsonValue(snapshot.overdue().toString()).create());
    execution.setVariable("overdueCaseNumbers", String.join(",", snapshot.overdueCaseNumbers()));
    execution.setVariable("openCount", snapshot.open().size());
    execution.setVariable("overdueCount", snapshot.overdueCaseNumbers().size());
  }
}
