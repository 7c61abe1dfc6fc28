package com.casedesk.repair;

import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${startFollowUpRepairDelegate}}: the owner asked for something more at the callback
 * ("anything else we can do?"). Starts a new home-repair order for the same place and contact,
 * with the answer as its description, in the callback's transaction: a bad answer (e.g. no
 * category) keeps the callback open with the error, and nothing is started twice.
 */
@Component
class StartFollowUpRepairDelegate implements JavaDelegate {

  private final CaseNumbers caseNumbers;
  private final RepairOrders orders;

  StartFollowUpRepairDelegate(CaseNumbers caseNumbers, RepairOrders orders) {
    this.caseNumbers = caseNumbers;
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> variables = new HashMap<>();
    for (String name : new String[] {RepairProcess.Var.LOCATION_TYPE, RepairProcess.Var.UNIT_CODE,
        RepairProcess.Var.PROJECT_CODE, RepairProcess.Var.LOCATION, RepairProcess.Var.CONTACT_NAME,
        RepairProcess.Var.CONTACT_PHONE}) {
      variables.put(name, execution.getVariable(name));
    }
    variables.put(RepairProcess.Var.CHANNEL, "hotline");
    variables.put(RepairProcess.Var.CATEGORY, execution.getVariable(RepairProcess.Var.FOLLOW_UP_CATEGORY));
    variables.put(RepairProcess.Var.URGENCY, execution.getVariable(RepairProcess.Var.FOLLOW_UP_URGENCY));
    variables.put(RepairProcess.Var.DESCRIPTION, execution.getVariable(RepairProcess.Var.OTHER_NEEDS));
    variables.put(RepairProcess.Var.FOLLOW_UP_OF, execution.getProcessBusinessKey());
    variables.put(RepairProcess.Var.REGISTERED_BY, execution.getVariable(RepairProcess.Var.REGISTERED_BY));
    String company = (String) execution.getVariable(RepairProcess.Var.COMPANY_CODE);
    String followUp = caseNumbers.issue(CaseType.REPAIR, company);
    execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceByKey(RepairProcess.PROCESS_KEY)
        .businessKey(followUp)
        .setVariables(variables)
        .execute();
    execution.setVariable(RepairProcess.Var.FOLLOW_UP_CASE_NUMBER, followUp);
    orders.followUp(execution.getProcessBusinessKey(), followUp);
  }
}
