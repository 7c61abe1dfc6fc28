package com.casedesk.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${closeRepairDelegate}}: the owner is satisfied and accepts the charge: the order is closed. */
@Component
class CloseRepairDelegate implements JavaDelegate {

  private final RepairOrders orders;

  CloseRepairDelegate(RepairOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.closed(execution.getProcessBusinessKey());
  }
}
