package com.casedesk.emergency;

import com.casedesk.calendar.WorkingTime;
import com.casedesk.emergency.MassComplaintProcess.Var;
import com.casedesk.models.DecisionResults;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${scheduleIncidentResponseDelegate}}: turns the step targets of
 * emergency-response-targets.dmn (result {@code responseTargets}, for the incident's level) into
 * the due instant of every step, counted from the declaration in calendar time (an emergency does
 * not stop at night), and records them. The first progress update is due one update cycle after
 * the declaration. A step the level needs but the table misses stops the instance with an incident.
 */
@Component
class ScheduleIncidentResponseDelegate implements JavaDelegate {

  private static final List<ResponseStep> ALWAYS = List.of(ResponseStep.ALERT, ResponseStep.ASSEMBLE_TEAM,
      ResponseStep.UNIFIED_REPLY, ResponseStep.OWNER_COMMUNICATION, ResponseStep.ROOT_CAUSE, ResponseStep.RESOLVE,
      ResponseStep.REVIEW);

  private final MassIncidents incidents;
  private final WorkingTime workingTime;

  ScheduleIncidentResponseDelegate(MassIncidents incidents, WorkingTime workingTime) {
    this.incidents = incidents;
    this.workingTime = workingTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    String level = (String) execution.getVariable(Var.LEVEL);
    List<Map<String, Object>> targets = DecisionResults.take(execution, Var.RESPONSE_TARGETS);
    Map<ResponseStep, String> byStep = new EnumMap<>(ResponseStep.class);
    for (Map<String, Object> row : targets == null ? List.<Map<String, Object>>of() : targets) {
      ResponseStep step = ResponseStep.of((String) row.get("step")).orElseThrow(() ->
          new IllegalStateException("emergency-response-targets.dmn names an unknown step: " + row.get("step")));
      byStep.put(step, (String) row.get("target"));
    }
    byStep.put(ResponseStep.FIRST_UPDATE, (String) execution.getVariable(Var.UPDATE_CYCLE));
    for (ResponseStep required : ALWAYS) {
      if (!byStep.containsKey(required)) {
        throw new IllegalStateException("emergency-response-targets.dmn gives no target for step " + required.id()
            + " at level " + level);
      }
    }
    if ("I".equals(level) && !byStep.containsKey(ResponseStep.LIAISON)) {
      throw new IllegalStateException("emergency-response-targets.dmn gives no liaison target for level I");
    }

    Date declared = Timestamp.valueOf(incidents.find(caseNumber).orElseThrow().declaredAt());
    for (Map.Entry<ResponseStep, String> entry : byStep.entrySet()) {
      Duration target = duration(entry.getValue(), entry.getKey());
      Date due = new Date(declared.getTime() + target.toMillis());
      incidents.planStep(caseNumber, entry.getKey(), entry.getValue(), target.toMinutes(), due);
      execution.setVariable(entry.getKey().dueVariable(), due);
      execution.setVariable(entry.getKey().dueVariable() + "Text", workingTime.format(due));
    }
  }

  private static Duration duration(String iso, ResponseStep step) {
    try {
      Duration duration = Duration.parse(iso);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalStateException("The target of step " + step.id() + " must be positive: " + iso);
      }
      return duration;
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalStateException("The target of step " + step.id() + " is not an ISO-8601 duration: " + iso, e);
    }
  }
}
