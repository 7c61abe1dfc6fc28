package com.casedesk.sla;

import com.casedesk.calendar.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordSlaEventListener}}, a task listener on "complete" for every user task with a due
 * date: records whether its deadline was met, and by how much it was missed.
 */
@Component
class RecordSlaEventListener implements TaskListener {

  private final SlaEvents slaEvents;

  RecordSlaEventListener(SlaEvents slaEvents) {
    this.slaEvents = slaEvents;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getDueDate() == null) {
      throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " records an SLA event but has no due date");
    }
    slaEvents.record(new SlaEvents.SlaEvent(
        task.getId(),
        task.getExecution().getProcessBusinessKey(),
        task.getTenantId(),
        TaskFacts.projectCode(task),
        TaskFacts.processKey(task),
        task.getProcessInstanceId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        TaskFacts.responsibleGroup(task),
        task.getAssignee(),
        task.getDueDate(),
        EngineClock.now(),
        TaskFacts.drill(task)));
  }
}
