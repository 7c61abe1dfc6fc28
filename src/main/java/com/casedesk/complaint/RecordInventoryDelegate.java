package com.casedesk.complaint;

import com.casedesk.calendar.EngineClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${recordInventoryDelegate}}: stores the completed daily inventory (table complaint_inventory). */
@Component
class RecordInventoryDelegate implements JavaDelegate {

  private final ComplaintInventory inventory;

  RecordInventoryDelegate(ComplaintInventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inventory.record(LocalDate.parse((String) execution.getVariable("inventoryDay")), execution.getTenantId(),
        inventory.parse(execution.getVariable("openComplaints")), inventory.parse(execution.getVariable("overdueComplaints")),
        (String) execution.getVariable("inventoryReviewedBy"), EngineClock.now());
  }
}
