package com.casedesk.repair;

import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.notification.CaseMessages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordRepairDoneDelegate}}: right after the technician's work report, in its
 * transaction: checks the charge (in-warranty work is free; a charge needs the owner's consent and
 * stays within the configured maximum; otherwise the task stays open with the error), records the
 * work, sets the callback deadline and tells the owner (outbox, once per visit).
 */
@Component
class RecordRepairDoneDelegate implements JavaDelegate {

  private final RepairOrders orders;
  private final RepairDeadlines deadlines;
  private final CaseMessages messages;
  private final RepairProperties properties;

  RecordRepairDoneDelegate(RepairOrders orders, RepairDeadlines deadlines, CaseMessages messages,
      RepairProperties properties) {
    this.orders = orders;
    this.deadlines = deadlines;
    this.messages = messages;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean inWarranty = Boolean.TRUE.equals(execution.getVariable(RepairProcess.Var.IN_WARRANTY));
    Boolean chargeAgreed = (Boolean) execution.getVariable(RepairProcess.Var.CHARGE_AGREED);
    Object amount = execution.getVariable(RepairProcess.Var.CHARGE_AMOUNT);
    String workDone = FieldChecks.text(execution.getVariable(RepairProcess.Var.WORK_DONE));
    List<FieldError> errors = new ArrayList<>();
    BigDecimal charge = BigDecimal.ZERO;
    if (amount != null && !amount.toString().isBlank()) {
      try {
        charge = new BigDecimal(amount.toString().trim()).setScale(2, RoundingMode.HALF_UP);
      } catch (NumberFormatException e) {
        errors.add(new FieldError("chargeAmount", "收费金额须为数字"));
      }
    }
    if (charge.signum() < 0) {
      errors.add(new FieldError("chargeAmount", "收费金额不能为负"));
    } else if (charge.compareTo(properties.maxCharge()) > 0) {
      errors.add(new FieldError("chargeAmount", "单次收费不能超过" + properties.maxCharge().toPlainString() + "元"));
    } else if (inWarranty && charge.signum() > 0) {
      errors.add(new FieldError("chargeAmount", "保修期内维修不收费"));
    } else if (charge.signum() > 0 && !Boolean.TRUE.equals(chargeAgreed)) {
      errors.add(new FieldError("chargeAgreed", "收费须事先告知业主并经业主同意"));
    }
    if (workDone == null) {
      errors.add(new FieldError("workDone", "必填"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("维修记录有误", errors);
    }
    execution.setVariable(RepairProcess.Var.CHARGE_AMOUNT, charge.doubleValue());
    Date callbackDue = deadlines.scheduleCallback(execution);
    orders.repaired(execution.getProcessBusinessKey(), workDone, FieldChecks.text(execution.getVariable(RepairProcess.Var.MATERIALS)),
        inWarranty, charge, charge.signum() > 0 ? chargeAgreed : null, callbackDue);
    String chargeText = charge.signum() > 0 ? "，本次收费" + charge.toPlainString() + "元"
        : inWarranty ? "，保修期内免费" : "，本次未收费";
    execution.setVariable("chargeText", chargeText);
    messages.toOwner(execution, "done-r" + execution.getVariable(RepairProcess.Var.REWORK_COUNT),
        properties.messages().done(), Map.of("chargeText", chargeText));
  }

}
