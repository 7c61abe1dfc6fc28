package com.casedesk.emergency;

import com.casedesk.directory.Directory;
import com.casedesk.emergency.MassComplaintProcess.Var;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code ${startEmergencyDrillDelegate}}, once per company ({@code companyCode}) of the drill
 * schedule: starts a drill of mass-complaint on the company's first project, with the simulated
 * complaint of {@code casedesk.emergency.drill}. Each company's start is its own job.
 */
@Component
class StartEmergencyDrillDelegate implements JavaDelegate {

  private final Directory directory;
  private final EmergencyProperties properties;
  private final RuntimeService runtimeService;

  StartEmergencyDrillDelegate(Directory directory, EmergencyProperties properties, @Lazy RuntimeService runtimeService) {
    this.directory = directory;
    this.properties = properties;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String company = (String) execution.getVariable("companyCode");
    String project = directory.projectCodesOfCompany(company).stream().findFirst().orElseThrow(() ->
        new IllegalStateException("Company " + company + " has no project to drill"));
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.PROJECT_CODE, project);
    variables.put(Var.CATEGORY, properties.drill().category());
    variables.put(Var.DESCRIPTION, properties.drill().description());
    variables.put(Var.HOUSEHOLDS_AFFECTED, properties.drill().householdsAffected());
    variables.put(Var.MEDIA_ATTENTION, false);
    variables.put(Var.SAFETY_RISK, false);
    variables.put(Var.DRILL, true);
    runtimeService.startProcessInstanceByKey(MassComplaintProcess.PROCESS_KEY, variables);
  }
}
