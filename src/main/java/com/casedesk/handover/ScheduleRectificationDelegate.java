package com.casedesk.handover;

import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import com.casedesk.casefile.CaseNumbers;
import com.casedesk.directory.Directory;
import com.casedesk.handover.HandoverProcess.Var;
import com.casedesk.models.DecisionResults;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code ${scheduleRectificationDelegate}}: links the defect's case number to this instance and
 * turns defect-deadlines.dmn (result {@code deadline}) into dates: the contractor's deadline in
 * working days from the recording, the project GM's escalation after it, and the rectification
 * office's assignment deadline. Offers the contractors in the assignment form.
 */
@Component
class ScheduleRectificationDelegate implements JavaDelegate {

  private final CaseNumbers caseNumbers;
  private final UnitDefects defects;
  private final WorkingTime workingTime;
  private final Directory directory;
  private final HandoverProperties properties;

  ScheduleRectificationDelegate(CaseNumbers caseNumbers, UnitDefects defects, WorkingTime workingTime,
      Directory directory, HandoverProperties properties) {
    this.caseNumbers = caseNumbers;
    this.defects = defects;
    this.workingTime = workingTime;
    this.directory = directory;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    Map<String, Object> deadline = DecisionResults.take(execution, Var.DEADLINE);
    if (deadline == null || !(deadline.get("deadlineWorkingDays") instanceof Number days)
        || !(deadline.get("gmEscalationWorkingDays") instanceof Number gmDays)) {
      throw new IllegalStateException("defect-deadlines.dmn matched no rule for category " + execution.getVariable(Var.CATEGORY));
    }
    caseNumbers.attachProcessInstance(caseNumber, execution.getProcessInstanceId());
    Date now = EngineClock.now();
    Date due = workingTime.addWorkingDays(now, days.intValue());
    execution.setVariable(Var.CASE_NUMBER, caseNumber);
    execution.setVariable("deadlineWorkingDays", days.intValue());
    execution.setVariable("gmEscalationWorkingDays", gmDays.intValue());
    execution.setVariable(Var.ASSIGN_DUE, workingTime.addWorkingDays(now, properties.assignWorkingDays()));
    setRectificationDeadlines(execution, workingTime, due);
    execution.setVariable("categoryLabel", properties.label("defectCategory", execution.getVariable(Var.CATEGORY)));
    List<Map<String, String>> options = directory.contractors().stream()
        .map(c -> Map.of("label", c.name() + "（" + c.trade() + "）", "value", c.code())).toList();
    execution.setVariable(Var.CONTRACTOR_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create());
    defects.started(caseNumber, execution.getProcessInstanceId(), due);
  }

  /** The contractor's deadline and the GM's escalation after it (also when the owner sends it back). */
  static void setRectificationDeadlines(DelegateExecution execution, WorkingTime workingTime, Date due) {
    int gmDays = ((Number) execution.getVariable("gmEscalationWorkingDays")).intValue();
    execution.setVariable(Var.RECTIFICATION_DUE, due);
    execution.setVariable("rectificationDueText", workingTime.format(due));
    execution.setVariable(Var.GM_ESCALATION_DUE, workingTime.addWorkingDays(due, gmDays));
  }
}
