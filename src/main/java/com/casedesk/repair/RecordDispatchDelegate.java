package com.casedesk.repair;

import com.casedesk.api.InvalidInputException;
import com.casedesk.notification.CaseMessages;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordDispatchDelegate}}: right after the dispatcher's task, in its transaction: checks
 * the chosen technician works for the company (otherwise the task stays open with the error),
 * records the dispatch and tells the owner who is coming and by when (outbox, once per visit).
 */
@Component
class RecordDispatchDelegate implements JavaDelegate {

  private final Technicians technicians;
  private final RepairOrders orders;
  private final CaseMessages messages;
  private final RepairProperties properties;

  RecordDispatchDelegate(Technicians technicians, RepairOrders orders, CaseMessages messages,
      RepairProperties properties) {
    this.technicians = technicians;
    this.orders = orders;
    this.messages = messages;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String company = (String) execution.getVariable(RepairProcess.Var.COMPANY_CODE);
    Object chosen = execution.getVariable(RepairProcess.Var.TECHNICIAN);
    String technician = chosen == null ? null : chosen.toString().trim();
    if (!technicians.isTechnicianOf(company, technician)) {
      throw new InvalidInputException("派工信息有误", List.of(new InvalidInputException.FieldError("technician",
          technician == null || technician.isEmpty() ? "请选择维修技师" : technician + " 不是本公司的维修技师")));
    }
    execution.setVariable(RepairProcess.Var.TECHNICIAN, technician);
    String technicianName = technicians.name(technician);
    execution.setVariable("technicianName", technicianName);
    orders.dispatched(execution.getProcessBusinessKey(), technician);
    messages.toOwner(execution, "dispatched-r" + execution.getVariable(RepairProcess.Var.REWORK_COUNT),
        properties.messages().dispatched(), Map.of("technicianName", technicianName));
  }
}
