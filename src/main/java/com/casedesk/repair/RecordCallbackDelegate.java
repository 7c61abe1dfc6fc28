package com.casedesk.repair;

import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordCallbackDelegate}}: right after the callback, in its transaction: checks the
 * answers, records them and decides {@code reworkNeeded} (not satisfied, or the charge disputed).
 */
@Component
class RecordCallbackDelegate implements JavaDelegate {

  private final RepairOrders orders;

  RecordCallbackDelegate(RepairOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object satisfiedValue = execution.getVariable(RepairProcess.Var.SATISFIED);
    Object score = execution.getVariable(RepairProcess.Var.SATISFACTION);
    boolean disputed = Boolean.TRUE.equals(execution.getVariable(RepairProcess.Var.CHARGE_DISPUTED));
    boolean followUp = Boolean.TRUE.equals(execution.getVariable(RepairProcess.Var.FOLLOW_UP_REQUESTED));
    List<FieldError> errors = new ArrayList<>();
    if (!(satisfiedValue instanceof Boolean)) {
      errors.add(new FieldError("satisfied", "请选择业主是否满意"));
    }
    Integer satisfaction = score instanceof Number number ? number.intValue() : null;
    if (satisfaction == null || satisfaction < 1 || satisfaction > 5) {
      errors.add(new FieldError("satisfaction", "满意度评分须为1到5"));
    }
    String otherNeeds = FieldChecks.text(execution.getVariable(RepairProcess.Var.OTHER_NEEDS));
    if (followUp && otherNeeds == null) {
      errors.add(new FieldError("otherNeeds", "新建报修须写明业主的新需求"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("回访记录有误", errors);
    }
    boolean satisfied = (Boolean) satisfiedValue;
    orders.calledBack(execution.getProcessBusinessKey(), satisfied, satisfaction, disputed,
        FieldChecks.text(execution.getVariable(RepairProcess.Var.CALLBACK_COMMENT)), otherNeeds);
    execution.setVariable(RepairProcess.Var.FOLLOW_UP_REQUESTED, followUp);
    execution.setVariable(RepairProcess.Var.REWORK_NEEDED, !satisfied || disputed);
  }

}
