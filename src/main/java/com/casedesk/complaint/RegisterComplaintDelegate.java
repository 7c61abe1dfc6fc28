package com.casedesk.complaint;

import com.casedesk.api.Actors;
import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.directory.Directory;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${registerComplaintDelegate}}: checks the intake, issues (or registers) the case number
 * as business key and writes the case record. It runs in the start transaction: a complaint with
 * bad input or a duplicate case number is refused as a whole, with the reason, and nothing starts.
 * The registering staff member ({@code registeredBy}, the start event's initiator) becomes the
 * first-contact owner; without one (app, forum, patrol) the company's front desk claims it.
 */
@Component
class RegisterComplaintDelegate implements JavaDelegate {

  private final ComplaintIntakeValidator validator;
  private final CaseNumbers caseNumbers;
  private final ComplaintCases cases;
  private final Directory directory;

  RegisterComplaintDelegate(ComplaintIntakeValidator validator, CaseNumbers caseNumbers, ComplaintCases cases,
      Directory directory) {
    this.validator = validator;
    this.caseNumbers = caseNumbers;
    this.cases = cases;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> intake = execution.getVariables();
    List<InvalidInputException.FieldError> errors = validator.validate(intake);
    if (isDrill(intake) || FieldChecks.text(intake, ComplaintProcess.Var.MASS_INCIDENT) != null) {
      // only the engine (a mass incident or drill linking its complaints) sets these, never a caller
      if (!Actors.isEngine(execution)) {
        errors.add(new InvalidInputException.FieldError(ComplaintProcess.Var.MASS_INCIDENT, "群诉关联与演练标记由系统设置，不能在登记时填写"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidComplaintException(errors);
    }
    String unit = FieldChecks.text(intake, ComplaintProcess.Var.UNIT_CODE);
    String phone = FieldChecks.text(intake, ComplaintProcess.Var.CONTACT_PHONE);
    String company = execution.getTenantId();
    // a unit's complaint belongs to its project; a public-area complaint names the project only
    String project = unit != null ? directory.projectOfUnit(unit).orElseThrow()
        : FieldChecks.text(intake, ComplaintProcess.Var.PROJECT_CODE);
    Long ownerId = unit == null ? null : directory.ownerOfUnitWithPhone(unit, phone).orElse(null);
    String registeredBy = FieldChecks.text(intake, ComplaintProcess.Var.REGISTERED_BY);
    // an integration account (owner app, forum) registers but is nobody's first contact
    String firstContactOwner = registeredBy != null && !isChannelAccount(execution, registeredBy) ? registeredBy : null;

    String caseNumber = caseNumbers.openCase(execution, CaseType.COMPLAINT, company);

    cases.insert(new ComplaintCases.NewComplaint(caseNumber, company, project, unit, ownerId,
        FieldChecks.text(intake, ComplaintProcess.Var.CONTACT_NAME), phone,
        FieldChecks.text(intake, ComplaintProcess.Var.CHANNEL),
        FieldChecks.text(intake, ComplaintProcess.Var.CATEGORY),
        FieldChecks.text(intake, ComplaintProcess.Var.SUBCATEGORY),
        FieldChecks.text(intake, ComplaintProcess.Var.DESCRIPTION),
        firstContactOwner, registeredBy, execution.getProcessInstanceId(),
        FieldChecks.text(intake, ComplaintProcess.Var.MASS_INCIDENT), isDrill(intake)));

    execution.setVariable(ComplaintProcess.Var.CASE_NUMBER, caseNumber);
    execution.setVariable(ComplaintProcess.Var.COMPANY_CODE, company);
    execution.setVariable(ComplaintProcess.Var.PROJECT_CODE, project);
    execution.setVariable(ComplaintProcess.Var.OWNER_ID, ownerId);
    execution.setVariable(ComplaintProcess.Var.FIRST_CONTACT_OWNER, firstContactOwner);
    execution.setVariable(ComplaintProcess.Var.REOPEN_COUNT, 0);
    execution.setVariable(ComplaintProcess.Var.DRILL, isDrill(intake));
    if (!intake.containsKey(ComplaintProcess.Var.MASS_INCIDENT)) {
      execution.setVariable(ComplaintProcess.Var.MASS_INCIDENT, null);
    }
    if (!intake.containsKey(ComplaintProcess.Var.SUBCATEGORY)) {
      execution.setVariable(ComplaintProcess.Var.SUBCATEGORY, null);
    }
  }

  /** A drill's simulated complaint (started by mass-complaint with drill = true). */
  private static boolean isDrill(Map<String, Object> intake) {
    return Boolean.TRUE.equals(intake.get(ComplaintProcess.Var.DRILL));
  }

  private static boolean isChannelAccount(DelegateExecution execution, String userId) {
    return execution.getProcessEngineServices().getIdentityService().createGroupQuery()
        .groupMember(userId).groupId(ComplaintProcess.CHANNEL_GROUP).count() > 0;
  }
}
