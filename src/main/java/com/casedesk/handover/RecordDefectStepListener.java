package com.casedesk.handover;

import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import com.casedesk.directory.Contractor;
import com.casedesk.directory.Directory;
import com.casedesk.handover.HandoverProcess.Defect;
import com.casedesk.handover.HandoverProcess.Var;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordDefectStepListener}}, on "complete" of the defect-rectification tasks: checks the
 * form's answers and records the step on the defect and the unit's history: the contractor
 * assigned (its staff then see the task, nobody else's), the rectification, the verification (a
 * failure sends it back and counts a rework), the owner's sign-off recorded by staff.
 */
@Component
class RecordDefectStepListener implements TaskListener {

  private final UnitDefects defects;
  private final UnitEvents events;
  private final Directory directory;
  private final WorkingTime workingTime;
  private final HandoverProperties properties;

  RecordDefectStepListener(UnitDefects defects, UnitEvents events, Directory directory, WorkingTime workingTime,
      HandoverProperties properties) {
    this.defects = defects;
    this.events = events;
    this.directory = directory;
    this.workingTime = workingTime;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String caseNumber = execution.getProcessBusinessKey();
    String unit = (String) execution.getVariable(Var.UNIT_CODE);
    String actor = task.getAssignee();
    List<FieldError> errors = new ArrayList<>();
    switch (task.getTaskDefinitionKey()) {
      case Defect.ASSIGN -> {
        String code = FieldChecks.text(task.getVariable(Var.CONTRACTOR_CODE));
        Contractor contractor = code == null ? null
            : directory.contractors().stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
        if (contractor == null) {
          errors.add(new FieldError(Var.CONTRACTOR_CODE, code == null ? "请选择施工单位" : "未知施工单位：" + code));
        }
        check(errors);
        defects.assigned(caseNumber, contractor.code());
        execution.setVariable(Var.CONTRACTOR_CODE, contractor.code());
        execution.setVariable(Var.CONTRACTOR_GROUP, contractor.groupId());
        execution.setVariable("contractorName", contractor.name());
        events.record(unit, caseNumber, "defect-assigned", "指派施工单位：" + contractor.name()
            + "，整改期限 " + execution.getVariable("rectificationDueText"), actor);
      }
      case Defect.RECTIFY -> {
        String note = FieldChecks.plainText(errors, task.getVariables(), Var.RECTIFICATION_NOTE, true, 1000);
        check(errors);
        defects.rectified(caseNumber);
        execution.setVariable(Var.VERIFICATION_DUE,
            workingTime.addWorkingDays(EngineClock.now(), properties.verificationWorkingDays()));
        events.record(unit, caseNumber, "defect-rectified", "施工单位整改：" + note, actor);
      }
      case Defect.VERIFY -> {
        Object passed = task.getVariable(Var.VERIFICATION_PASSED);
        boolean ok = Boolean.TRUE.equals(passed);
        String note = FieldChecks.plainText(errors, task.getVariables(), Var.VERIFICATION_NOTE, !ok, 1000);
        check(errors);
        execution.setVariable(Var.VERIFICATION_PASSED, ok);
        if (ok) {
          defects.verified(caseNumber);
          execution.setVariable(Var.CONFIRMATION_DUE,
              workingTime.addWorkingDays(EngineClock.now(), properties.confirmationWorkingDays()));
          events.record(unit, caseNumber, "defect-verified", "工程验证通过" + (note == null ? "" : "：" + note), actor);
        } else {
          defects.reworked(caseNumber);
          events.record(unit, caseNumber, "verification-failed", "工程验证不通过，返工：" + note, actor);
        }
      }
      case Defect.OWNER_CONFIRMATION -> {
        boolean satisfied = Boolean.TRUE.equals(task.getVariable(Var.OWNER_SATISFIED));
        String note = FieldChecks.plainText(errors, task.getVariables(), Var.CONFIRMATION_NOTE, !satisfied, 1000);
        check(errors);
        execution.setVariable(Var.OWNER_SATISFIED, satisfied);
        execution.setVariable("confirmedBy", actor);
        events.record(unit, caseNumber, satisfied ? "owner-confirmed" : "owner-refused",
            (satisfied ? "业主确认整改完成" : "业主不认可整改") + (note == null ? "" : "：" + note), actor);
      }
      default -> {
        // supervision tasks record their SLA only
      }
    }
  }

  private static void check(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException("提交内容有误", errors);
    }
  }
}
