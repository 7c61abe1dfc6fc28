package com.casedesk.complaint;

import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import com.casedesk.models.DecisionResults;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${scheduleComplaintDeadlinesDelegate}}: turns the classification (DMN results
 * {@code routing} and {@code grading}) into deadlines: the reply within the DMN's hours (or the
 * same day) and the resolution in working days; the escalation points after it are the model's
 * expressions ({@code resolutionDue} plus {@code gmEscalationWorkingDays} /
 * {@code groupEscalationWorkingDays} working days).
 */
@Component
class ScheduleComplaintDeadlinesDelegate implements JavaDelegate {

  private final WorkingTime workingTime;
  private final ComplaintCases cases;
  private final ComplaintMessages messages;
  private final ComplaintProperties properties;
  private final ComplaintLabels labels;

  ScheduleComplaintDeadlinesDelegate(WorkingTime workingTime, ComplaintCases cases, ComplaintMessages messages,
      ComplaintProperties properties, ComplaintLabels labels) {
    this.workingTime = workingTime;
    this.cases = cases;
    this.messages = messages;
    this.properties = properties;
    this.labels = labels;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> routing = DecisionResults.take(execution, ComplaintProcess.Var.ROUTING);
    Map<String, Object> grading = DecisionResults.take(execution, ComplaintProcess.Var.GRADING);
    if (routing == null || grading == null) {
      throw new IllegalStateException("complaint-classification.dmn matched no rule for case "
          + execution.getProcessBusinessKey() + " (category " + execution.getVariable("category") + ")");
    }
    String group = (String) routing.get(ComplaintProcess.Var.RESPONSIBLE_GROUP);
    String severity = (String) grading.get(ComplaintProcess.Var.SEVERITY);
    int replyHours = number(grading, "replyWithinHours");
    boolean sameDay = Boolean.TRUE.equals(grading.get("replySameDay"));
    int resolutionDays = number(grading, ComplaintProcess.Var.RESOLUTION_WORKING_DAYS);
    int gmDays = number(grading, ComplaintProcess.Var.GM_ESCALATION_WORKING_DAYS);
    int groupDays = number(grading, ComplaintProcess.Var.GROUP_ESCALATION_WORKING_DAYS);

    Date now = EngineClock.now();
    Date replyDue = new Date(now.getTime() + Duration.ofHours(replyHours).toMillis());
    if (sameDay && workingTime.endOfDay(now).before(replyDue)) {
      replyDue = workingTime.endOfDay(now);
    }
    Date resolutionDue = workingTime.addWorkingDays(now, resolutionDays);
    boolean major = ComplaintProcess.SEVERITY_MAJOR.equals(severity);
    execution.setVariable(ComplaintProcess.Var.RESPONSIBLE_GROUP, group);
    execution.setVariable(ComplaintProcess.Var.HANDLING_GROUPS, major ? group + "," + ComplaintProcess.MANAGER_GROUP : group);
    execution.setVariable(ComplaintProcess.Var.SEVERITY, severity);
    execution.setVariable(ComplaintProcess.Var.RESOLUTION_WORKING_DAYS, resolutionDays);
    execution.setVariable(ComplaintProcess.Var.GM_ESCALATION_WORKING_DAYS, gmDays);
    execution.setVariable(ComplaintProcess.Var.GROUP_ESCALATION_WORKING_DAYS, groupDays);
    execution.setVariable(ComplaintProcess.Var.REPLY_DUE, replyDue);
    execution.setVariable(ComplaintProcess.Var.RESOLUTION_DUE, resolutionDue);
    execution.setVariable(ComplaintProcess.Var.LABELS,
        labels.classified(execution, severity, group, replyDue, resolutionDue));
    cases.classified(execution.getProcessBusinessKey(), severity, group, replyDue, resolutionDue);
    if (major) {
      messages.toGroup(execution, "major-manager", ComplaintProcess.MANAGER_GROUP,
          properties.messages().majorToManager(), Map.of());
    }
  }

  private static int number(Map<String, Object> result, String name) {
    Object value = result.get(name);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("complaint-classification.dmn gave no number for " + name + ": " + value);
    }
    return number.intValue();
  }
}
