package com.casedesk.handover;

import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.calendar.WorkingTime;
import com.casedesk.directory.Directory;
import com.casedesk.handover.HandoverProcess.Var;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${planHandoverBatchDelegate}}: the units of a building with an owner on file and no
 * handover yet, each given an appointment {@code slotMinutes} after the one before, from the
 * first appointment on. In the start transaction: a wrong building or time refuses the start.
 */
@Component
class PlanHandoverBatchDelegate implements JavaDelegate {

  private final Directory directory;
  private final UnitHandovers handovers;
  private final WorkingTime workingTime;

  PlanHandoverBatchDelegate(Directory directory, UnitHandovers handovers, WorkingTime workingTime) {
    this.directory = directory;
    this.handovers = handovers;
    this.workingTime = workingTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<FieldError> errors = new ArrayList<>();
    String project = FieldChecks.text(execution.getVariable(Var.PROJECT_CODE));
    String building = FieldChecks.text(execution.getVariable(Var.BUILDING_CODE));
    if (building == null || project == null || !project.equals(directory.projectOfBuilding(building).orElse(null))) {
      errors.add(new FieldError(Var.BUILDING_CODE, "楼栋不存在或不属于该项目：" + building));
    }
    Date first = null;
    try {
      first = workingTime.parseMoment(execution.getVariable(Var.FIRST_APPOINTMENT_AT));
      if (first == null) {
        errors.add(new FieldError(Var.FIRST_APPOINTMENT_AT, "必填"));
      } else if (first.before(workingTime.startOfToday())) {
        errors.add(new FieldError(Var.FIRST_APPOINTMENT_AT, "交付时间不能早于今天"));
      }
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(Var.FIRST_APPOINTMENT_AT, "时间格式不正确，应如 2026-12-01T09:00+08:00"));
    }
    Object slot = execution.getVariable(Var.SLOT_MINUTES);
    if (!(slot instanceof Number minutes) || minutes.intValue() < 10 || minutes.intValue() > 480) {
      errors.add(new FieldError(Var.SLOT_MINUTES, "每户间隔应为10至480分钟"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("批量交付信息有误", errors);
    }
    List<String> planned = new ArrayList<>();
    Instant next = first.toInstant();
    for (Directory.UnitContact unit : directory.unitContacts(project, building)) {
      if (unit.ownerPhone() == null || !handovers.ofUnit(unit.unitCode()).isEmpty()) {
        continue; // no owner yet, or handed over (or being handed over) already
      }
      planned.add(unit.unitCode() + HandoverBatches.AT + next);
      next = next.plusSeconds(60L * ((Number) slot).intValue());
    }
    if (planned.isEmpty()) {
      throw new InvalidInputException("批量交付信息有误", List.of(new FieldError(Var.BUILDING_CODE,
          "楼栋 " + building + " 没有待交付且已登记业主的房号")));
    }
    execution.setVariable(Var.BUILDING_CODE, building);
    execution.setVariable(Var.BATCH_UNITS, String.join(HandoverBatches.SEPARATOR, planned));
  }
}
