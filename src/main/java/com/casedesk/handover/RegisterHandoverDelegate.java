package com.casedesk.handover;

import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.calendar.WorkingTime;
import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.directory.Directory;
import com.casedesk.handover.HandoverProcess.Var;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${registerHandoverDelegate}}: checks the appointment (a unit with an owner on file, not
 * handed over or being handed over, a time not in the past), issues the JF- case number and writes the
 * handover. In the start transaction: bad input refuses the start with the reason. The staff
 * member who schedules it is the owner's first contact for the whole handover.
 */
@Component
class RegisterHandoverDelegate implements JavaDelegate {

  private final Directory directory;
  private final CaseNumbers caseNumbers;
  private final UnitHandovers handovers;
  private final UnitEvents events;
  private final WorkingTime workingTime;
  private final HandoverProperties properties;

  RegisterHandoverDelegate(Directory directory, CaseNumbers caseNumbers, UnitHandovers handovers, UnitEvents events,
      WorkingTime workingTime, HandoverProperties properties) {
    this.directory = directory;
    this.caseNumbers = caseNumbers;
    this.handovers = handovers;
    this.events = events;
    this.workingTime = workingTime;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<FieldError> errors = new ArrayList<>();
    String unit = FieldChecks.text(execution.getVariable(Var.UNIT_CODE));
    Directory.UnitContact contact = unit == null ? null : directory.unitContact(unit).orElse(null);
    if (unit == null) {
      errors.add(new FieldError(Var.UNIT_CODE, "必填"));
    } else if (contact == null) {
      errors.add(new FieldError(Var.UNIT_CODE, "房号不存在：" + unit));
    } else if (contact.ownerPhone() == null) {
      errors.add(new FieldError(Var.UNIT_CODE, "房号 " + unit + " 没有登记业主，请先在业主资料中登记"));
    } else {
      handovers.existingOfUnit(unit).ifPresent(existing -> errors.add(new FieldError(Var.UNIT_CODE,
          "房号 " + unit + (existing.status().equals("HANDED_OVER") ? " 已交付：" : " 已有进行中的交付 ") + existing.caseNumber())));
    }
    Date appointment = appointment(execution.getVariable(Var.APPOINTMENT_AT), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("交付预约信息有误", errors);
    }
    String company = execution.getTenantId();
    String project = directory.projectOfUnit(unit).orElseThrow();
    String caseNumber = caseNumbers.openCase(execution, CaseType.HANDOVER, company);
    String firstContact = FieldChecks.text(execution.getVariable(Var.REGISTERED_BY));
    handovers.insert(new UnitHandovers.Handover(caseNumber, company, project, contact.buildingCode(), unit,
        directory.ownerOfUnitWithPhone(unit, contact.ownerPhone()).orElse(null), contact.ownerName(), contact.ownerPhone(),
        LocalDateTime.ofInstant(appointment.toInstant(), java.time.ZoneId.systemDefault()), firstContact, null, null, 0,
        null, null, null, null, execution.getProcessInstanceId()));
    events.record(unit, caseNumber, "handover-scheduled", "预约交付：" + workingTime.format(appointment), firstContact);

    execution.setVariable(Var.UNIT_CODE, unit);
    execution.setVariable(Var.CASE_NUMBER, caseNumber);
    execution.setVariable(Var.COMPANY_CODE, company);
    execution.setVariable(Var.PROJECT_CODE, project);
    execution.setVariable(Var.BUILDING_CODE, contact.buildingCode());
    execution.setVariable(Var.CONTACT_NAME, contact.ownerName());
    execution.setVariable(Var.CONTACT_PHONE, contact.ownerPhone());
    execution.setVariable(Var.FIRST_CONTACT_OWNER, firstContact);
    execution.setVariable(Var.PRE_INSPECTION, Boolean.TRUE.equals(execution.getVariable(Var.PRE_INSPECTION)));
    execution.setVariable(Var.APPOINTMENT_AT, appointment);
    execution.setVariable("appointmentText", workingTime.format(appointment));
    execution.setVariable(Var.PRE_INSPECTION_DUE, appointment);
    execution.setVariable("inspectionRound", 1);
    execution.setVariable(Var.INSPECTION_DUE, new Date(appointment.getTime() + properties.inspectionWithin().toMillis()));
    execution.setVariable("projectName", directory.projectName(project).orElse(project));
  }

  private Date appointment(Object value, List<FieldError> errors) {
    try {
      Date appointment = workingTime.parseMoment(value);
      if (appointment == null) {
        errors.add(new FieldError(Var.APPOINTMENT_AT, "必填"));
      } else if (appointment.before(workingTime.startOfToday())) {
        errors.add(new FieldError(Var.APPOINTMENT_AT, "交付时间不能早于今天"));
      }
      return appointment;
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(Var.APPOINTMENT_AT, "时间格式不正确，应如 2026-12-01T10:00+08:00"));
      return null;
    }
  }
}
