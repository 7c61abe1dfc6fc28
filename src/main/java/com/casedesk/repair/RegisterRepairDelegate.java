package com.casedesk.repair;

import com.casedesk.api.FieldChecks;
import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.directory.Directory;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${registerRepairDelegate}}: checks the request (Tasklist start form or API), issues or
 * registers the BX- case number, writes the repair order and sets what later steps and forms read.
 * Bad input fails the start with the field errors: nothing is half-registered.
 */
@Component
class RegisterRepairDelegate implements JavaDelegate {

  private final RepairIntakeValidator validator;
  private final CaseNumbers caseNumbers;
  private final RepairOrders orders;
  private final Directory directory;
  private final Technicians technicians;
  private final RepairProperties properties;
  private final RepairDeadlines deadlines;

  RegisterRepairDelegate(RepairIntakeValidator validator, CaseNumbers caseNumbers, RepairOrders orders,
      Directory directory, Technicians technicians, RepairProperties properties, RepairDeadlines deadlines) {
    this.validator = validator;
    this.caseNumbers = caseNumbers;
    this.orders = orders;
    this.directory = directory;
    this.technicians = technicians;
    this.properties = properties;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> intake = execution.getVariables();
    validator.check(intake);
    String locationType = FieldChecks.text(intake, RepairProcess.Var.LOCATION_TYPE);
    String unit = FieldChecks.text(intake, RepairProcess.Var.UNIT_CODE);
    String project = unit != null ? directory.projectOfUnit(unit).orElseThrow()
        : FieldChecks.text(intake, RepairProcess.Var.PROJECT_CODE);
    String company = directory.companyOfProject(project).orElseThrow();
    String phone = FieldChecks.text(intake, RepairProcess.Var.CONTACT_PHONE);
    Long ownerId = unit == null ? null : directory.ownerOfUnitWithPhone(unit, phone).orElse(null);
    String location = FieldChecks.text(intake, RepairProcess.Var.LOCATION);
    Date preferredTime = validator.preferredTime(intake.get(RepairProcess.Var.PREFERRED_TIME));

    String caseNumber = caseNumbers.openCase(execution, CaseType.REPAIR, company);
    orders.insert(new RepairOrders.NewRepair(caseNumber, company, project, unit, locationType, location, ownerId,
        FieldChecks.text(intake, RepairProcess.Var.CONTACT_NAME), phone,
        FieldChecks.text(intake, RepairProcess.Var.CHANNEL),
        FieldChecks.text(intake, RepairProcess.Var.CATEGORY),
        FieldChecks.text(intake, RepairProcess.Var.URGENCY),
        FieldChecks.text(intake, RepairProcess.Var.DESCRIPTION),
        preferredTime,
        FieldChecks.text(intake, RepairProcess.Var.REGISTERED_BY),
        FieldChecks.text(intake, RepairProcess.Var.FOLLOW_UP_OF),
        execution.getProcessInstanceId()));

    execution.setVariable(RepairProcess.Var.CASE_NUMBER, caseNumber);
    execution.setVariable(RepairProcess.Var.COMPANY_CODE, company);
    execution.setVariable(RepairProcess.Var.PROJECT_CODE, project);
    execution.setVariable(RepairProcess.Var.UNIT_CODE, unit);
    execution.setVariable(RepairProcess.Var.LOCATION, location);
    execution.setVariable(RepairProcess.Var.OWNER_ID, ownerId);
    execution.setVariable(RepairProcess.Var.PREFERRED_TIME, preferredTime);
    execution.setVariable(RepairProcess.Var.REWORK_COUNT, 0);
    execution.setVariable(RepairProcess.Var.TECHNICIAN_OPTIONS, technicians.options(company));
    // what staff read in forms and messages: labels instead of codes
    execution.setVariable("channelLabel", properties.label("channel", intake.get(RepairProcess.Var.CHANNEL)));
    execution.setVariable("categoryLabel", properties.label("category", intake.get(RepairProcess.Var.CATEGORY)));
    execution.setVariable("urgencyLabel", properties.label("urgency", intake.get(RepairProcess.Var.URGENCY)));
    execution.setVariable("locationText", locationText(locationType, unit, project, location));
    execution.setVariable("preferredTimeText", preferredTime == null ? "无" : deadlines.format(preferredTime));
  }

  private String locationText(String locationType, String unit, String project, String location) {
    String where = RepairProcess.IN_HOME.equals(locationType) ? unit : project;
    String text = properties.label("locationType", locationType) + " " + where;
    return location == null ? text : text + " " + location;
  }
}
