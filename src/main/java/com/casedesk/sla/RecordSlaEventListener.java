package com.casedesk.sla;

import com.casedesk.calendar.EngineClock;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
    String processKey = task.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(task.getProcessDefinitionId()).getKey();
    String groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .sorted()
        .collect(Collectors.joining(","));
    slaEvents.record(new SlaEvents.SlaEvent(
        task.getId(),
        task.getExecution().getProcessBusinessKey(),
        task.getTenantId(),
        processKey,
        task.getProcessInstanceId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        groups.isEmpty() ? null : groups,
        task.getAssignee(),
        task.getDueDate(),
        EngineClock.now(),
        Boolean.TRUE.equals(task.getVariable("drill"))));
  }
}
