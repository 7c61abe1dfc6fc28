package com.casedesk.complaint;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkInventoryListener}}, on "complete" of the daily inventory task: the task cannot be
 * completed until every overdue complaint has a named responsible person and a root cause.
 */
@Component
class CheckInventoryListener implements TaskListener {

  private final ComplaintInventory inventory;

  CheckInventoryListener(ComplaintInventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void notify(DelegateTask task) {
    String numbers = (String) task.getVariable("overdueCaseNumbers");
    List<String> overdue = numbers == null || numbers.isBlank() ? List.of() : Arrays.asList(numbers.split(","));
    List<String> missing = inventory.missingExplanations(inventory.parse(task.getVariable("overdueComplaints")), overdue);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("盘点未完成：" + String.join("；", missing));
    }
    task.setVariable("inventoryReviewedBy", task.getAssignee());
  }
}
