package com.casedesk.emergency;

import com.casedesk.api.FieldChecks;
import com.casedesk.complaint.ComplaintProcess;
import com.casedesk.directory.Directory;
import com.casedesk.emergency.MassComplaintProcess.Var;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code ${createDrillComplaintsDelegate}}: a drill's simulated mass complaint. Starts
 * {@code casedesk.emergency.drill.complaints} complaint-handling instances, marked as drill and
 * linked to the drill, for the units of the drilled project (or building), round the units in
 * order; each names the unit's owner on file, so the drill shows what would have reached whom.
 */
@Component
class CreateDrillComplaintsDelegate implements JavaDelegate {

  private final Directory directory;
  private final EmergencyProperties properties;
  private final RuntimeService runtimeService;

  CreateDrillComplaintsDelegate(Directory directory, EmergencyProperties properties, @Lazy RuntimeService runtimeService) {
    this.directory = directory;
    this.properties = properties;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String project = (String) execution.getVariable(Var.PROJECT_CODE);
    List<Directory.UnitContact> units = directory.unitContacts(project, FieldChecks.text(execution.getVariable(Var.BUILDING_CODE)))
        .stream().filter(unit -> unit.ownerPhone() != null).toList();
    if (units.isEmpty()) {
      throw new IllegalStateException("Drill " + execution.getProcessBusinessKey() + ": project " + project
          + " has no unit with an owner on file to simulate complaints from");
    }
    for (int i = 0; i < properties.drill().complaints(); i++) {
      Directory.UnitContact unit = units.get(i % units.size());
      Map<String, Object> variables = new HashMap<>();
      variables.put(ComplaintProcess.Var.CHANNEL, "hotline");
      variables.put(ComplaintProcess.Var.UNIT_CODE, unit.unitCode());
      variables.put(ComplaintProcess.Var.CONTACT_NAME, unit.ownerName());
      variables.put(ComplaintProcess.Var.CONTACT_PHONE, unit.ownerPhone());
      variables.put(ComplaintProcess.Var.CATEGORY, execution.getVariable(Var.CATEGORY));
      variables.put(ComplaintProcess.Var.DESCRIPTION, properties.drill().prefix() + "模拟投诉 " + (i + 1) + "："
          + execution.getVariable(Var.DESCRIPTION));
      variables.put(ComplaintProcess.Var.DRILL, true);
      variables.put(ComplaintProcess.Var.MASS_INCIDENT, execution.getProcessBusinessKey());
      runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, variables);
    }
  }
}
