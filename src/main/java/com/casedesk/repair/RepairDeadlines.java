package com.casedesk.repair;

import com.casedesk.calendar.EngineClock;
import com.casedesk.calendar.WorkingTime;
import com.casedesk.models.DecisionResults;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Turns the time limits of processes/repair-time-limits.dmn into the order's deadlines. On-site
 * and completion limits are calendar time (technicians work day and night); the callback is in
 * working days. Each deadline has a second one, {@code escalateAfter} later, for the supervisor.
 */
@Component
class RepairDeadlines {

  private final WorkingTime workingTime;
  private final RepairProperties properties;

  RepairDeadlines(WorkingTime workingTime, RepairProperties properties) {
    this.workingTime = workingTime;
    this.properties = properties;
  }

  /** Keeps the DMN result {@code timeLimits} as variables of their own (they are read again at every visit). */
  void keepTimeLimits(DelegateExecution execution) {
    Map<String, Object> limits = DecisionResults.take(execution, RepairProcess.Var.TIME_LIMITS);
    if (limits == null) {
      throw new IllegalStateException("repair-time-limits.dmn matched no rule for case " + execution.getProcessBusinessKey()
          + " (" + execution.getVariable("locationType") + ", " + execution.getVariable("category") + ", "
          + execution.getVariable("urgency") + ")");
    }
    for (String name : new String[] {RepairProcess.Var.ON_SITE_WITHIN, RepairProcess.Var.COMPLETION_WITHIN,
        RepairProcess.Var.ESCALATE_AFTER}) {
      duration(limits.get(name), name);
      execution.setVariable(name, limits.get(name));
    }
    execution.setVariable(RepairProcess.Var.BY_APPOINTMENT, Boolean.TRUE.equals(limits.get(RepairProcess.Var.BY_APPOINTMENT)));
  }

  /**
   * The on-site deadline from now: the DMN's limit, or for a visit by appointment with a booked
   * time, the booked time plus the grace period.
   */
  Date scheduleOnSite(DelegateExecution execution, boolean keepAppointment) {
    Date now = EngineClock.now();
    Date due = plus(now, RepairProcess.Var.ON_SITE_WITHIN, execution);
    Object preferred = execution.getVariable(RepairProcess.Var.PREFERRED_TIME);
    if (keepAppointment && Boolean.TRUE.equals(execution.getVariable(RepairProcess.Var.BY_APPOINTMENT))
        && preferred instanceof Date booked && booked.after(now)) {
      due = Date.from(booked.toInstant().plus(properties.appointmentGrace()));
    }
    execution.setVariable(RepairProcess.Var.ON_SITE_DUE, due);
    execution.setVariable(RepairProcess.Var.ON_SITE_SUPERVISOR_DUE, plus(due, RepairProcess.Var.ESCALATE_AFTER, execution));
    execution.setVariable("onSiteDueText", format(due));
    return due;
  }

  /** The completion deadline, counted from the technician's arrival (now). */
  Date scheduleCompletion(DelegateExecution execution) {
    Date due = plus(EngineClock.now(), RepairProcess.Var.COMPLETION_WITHIN, execution);
    execution.setVariable(RepairProcess.Var.COMPLETION_DUE, due);
    execution.setVariable(RepairProcess.Var.COMPLETION_SUPERVISOR_DUE, plus(due, RepairProcess.Var.ESCALATE_AFTER, execution));
    execution.setVariable("completionDueText", format(due));
    return due;
  }

  /** The callback deadline: within the configured working days of completion (now). */
  Date scheduleCallback(DelegateExecution execution) {
    Date due = workingTime.addWorkingDays(EngineClock.now(), properties.callbackWorkingDays());
    execution.setVariable(RepairProcess.Var.CALLBACK_DUE, due);
    execution.setVariable("callbackDueText", format(due));
    return due;
  }

  String format(Date moment) {
    return workingTime.format(moment);
  }

  private static Date plus(Date start, String limitVariable, DelegateExecution execution) {
    return Date.from(start.toInstant().plus(duration(execution.getVariable(limitVariable), limitVariable)));
  }

  private static Duration duration(Object value, String name) {
    try {
      return Duration.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("repair-time-limits.dmn gave no ISO-8601 duration for " + name + ": " + value, e);
    }
  }
}
