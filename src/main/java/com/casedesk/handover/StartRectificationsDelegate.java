package com.casedesk.handover;

import com.casedesk.handover.HandoverProcess.Defect;
import com.casedesk.handover.HandoverProcess.Var;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code ${startRectificationsDelegate}}: every defect the inspection found starts its own
 * defect-rectification (message {@code DefectRecorded}, the defect's number as business key), in
 * this job's transaction: all start, or none and the job is retried.
 */
@Component
class StartRectificationsDelegate implements JavaDelegate {

  private final UnitDefects defects;
  private final RuntimeService runtimeService;

  StartRectificationsDelegate(UnitDefects defects, @Lazy RuntimeService runtimeService) {
    this.defects = defects;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String numbers = (String) execution.getVariable(Var.NEW_DEFECTS);
    for (String number : Arrays.stream(numbers == null ? new String[0] : numbers.split(",")).filter(n -> !n.isBlank()).toList()) {
      UnitDefects.Defect defect = defects.find(number).orElseThrow();
      Map<String, Object> variables = new HashMap<>();
      variables.put(Var.HANDOVER_CASE, defect.handoverCase());
      variables.put(Var.COMPANY_CODE, defect.companyCode());
      variables.put(Var.UNIT_CODE, defect.unitCode());
      variables.put(Var.ROOM, defect.room());
      variables.put(Var.LOCATION, defect.location());
      variables.put(Var.CATEGORY, defect.category());
      variables.put(Var.DESCRIPTION, defect.description());
      variables.put(Var.RECORDED_BY, defect.recordedBy());
      variables.put(Var.CONTACT_NAME, execution.getVariable(Var.CONTACT_NAME));
      variables.put(Var.CONTACT_PHONE, execution.getVariable(Var.CONTACT_PHONE));
      variables.put("projectName", execution.getVariable("projectName"));
      runtimeService.createMessageCorrelation(Defect.MESSAGE_RECORDED)
          .processInstanceBusinessKey(number)
          .setVariables(variables)
          .correlateStartMessage();
    }
    execution.setVariable(Var.NEW_DEFECTS, null);
  }
}
