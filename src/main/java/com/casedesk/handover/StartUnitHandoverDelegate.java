package com.casedesk.handover;

import com.casedesk.handover.HandoverProcess.Var;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code ${startUnitHandoverDelegate}}, once per planned unit ({@code batchUnit}, its own job):
 * starts the unit's handover with its appointment; whoever started the batch is its first contact.
 */
@Component
class StartUnitHandoverDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;

  StartUnitHandoverDelegate(@Lazy RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String[] planned = ((String) execution.getVariable(Var.BATCH_UNIT)).split(HandoverBatches.AT);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.UNIT_CODE, planned[0]);
    variables.put(Var.APPOINTMENT_AT, planned[1]);
    variables.put(Var.PRE_INSPECTION, Boolean.TRUE.equals(execution.getVariable(Var.PRE_INSPECTION)));
    variables.put(Var.REGISTERED_BY, execution.getVariable(Var.REGISTERED_BY));
    runtimeService.startProcessInstanceByKey(HandoverProcess.PROCESS_KEY, variables);
  }
}
