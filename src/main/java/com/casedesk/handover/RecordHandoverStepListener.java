package com.casedesk.handover;

import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import com.casedesk.handover.HandoverProcess.Element;
import com.casedesk.handover.HandoverProcess.Var;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordHandoverStepListener}}, on "complete" of the unit-handover tasks: checks what the
 * form submitted and records it on the unit (pre-inspection remarks, the re-inspection's new
 * appointment, the care visit). A wrong entry refuses the completion with the reason.
 */
@Component
class RecordHandoverStepListener implements TaskListener {

  private final UnitHandovers handovers;
  private final UnitEvents events;
  private final WorkingTime workingTime;
  private final HandoverProperties properties;

  RecordHandoverStepListener(UnitHandovers handovers, UnitEvents events, WorkingTime workingTime,
      HandoverProperties properties) {
    this.handovers = handovers;
    this.events = events;
    this.workingTime = workingTime;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String caseNumber = execution.getProcessBusinessKey();
    String unit = (String) execution.getVariable(Var.UNIT_CODE);
    List<FieldError> errors = new ArrayList<>();
    switch (task.getTaskDefinitionKey()) {
      case Element.PRE_INSPECTION -> {
        String remarks = FieldChecks.plainText(errors, task.getVariables(), Var.PRE_INSPECTION_REMARKS, true, 2000);
        check(errors);
        handovers.preInspected(caseNumber, remarks);
        events.record(unit, caseNumber, "pre-inspection", "预验收意见：" + remarks, task.getAssignee());
      }
      case Element.SCHEDULE_REINSPECTION -> {
        Date appointment = null;
        try {
          appointment = workingTime.parseMoment(task.getVariable(Var.APPOINTMENT_AT));
        } catch (DateTimeParseException e) {
          errors.add(new FieldError(Var.APPOINTMENT_AT, "时间格式不正确，应如 2026-12-01T10:00+08:00"));
        }
        if (appointment == null && errors.isEmpty()) {
          errors.add(new FieldError(Var.APPOINTMENT_AT, "必填"));
        } else if (appointment != null && appointment.before(EngineClock.now())) {
          errors.add(new FieldError(Var.APPOINTMENT_AT, "复验时间不能早于现在"));
        }
        check(errors);
        handovers.rescheduled(caseNumber, appointment);
        execution.setVariable(Var.APPOINTMENT_AT, appointment);
        execution.setVariable("appointmentText", workingTime.format(appointment));
        execution.setVariable(Var.INSPECTION_DUE, new Date(appointment.getTime() + properties.inspectionWithin().toMillis()));
        execution.setVariable("inspectionRound", ((Number) execution.getVariable("inspectionRound")).intValue() + 1);
        events.record(unit, caseNumber, "reinspection-scheduled", "预约复验：" + workingTime.format(appointment),
            task.getAssignee());
      }
      case Element.CARE_VISIT -> {
        String note = FieldChecks.plainText(errors, task.getVariables(), Var.CARE_VISIT_NOTE, true, 1000);
        check(errors);
        handovers.careVisited(caseNumber, note);
        events.record(unit, caseNumber, "care-visit", "入住关怀回访：" + note, task.getAssignee());
      }
      default -> {
        // the joint inspection is recorded by the service task after it
      }
    }
  }

  private static void check(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException("提交内容有误", errors);
    }
  }
}
