package com.casedesk.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A staff member is told (outbox, delivered by e-mail if they keep alerts on) when a task of a
 * case is assigned to them. Listens to the task events the Camunda Spring Boot starter publishes.
 * One message per task and assignee: a retried job cannot alert twice.
 */
@Component
class TaskAssignedAlerts {

  private final NotificationOutbox outbox;
  private final NotificationProperties properties;
  private final com.casedesk.calendar.WorkingTime workingTime;

  TaskAssignedAlerts(NotificationOutbox outbox, NotificationProperties properties,
      com.casedesk.calendar.WorkingTime workingTime) {
    this.outbox = outbox;
    this.properties = properties;
    this.workingTime = workingTime;
  }

  @EventListener
  public void onAssignment(DelegateTask task) {
    if (!TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      return;
    }
    String caseNumber = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (task.getAssignee() == null || caseNumber == null || properties.assignedMessage() == null) {
      return;
    }
    String due = workingTime.format(task.getDueDate());
    String body = properties.assignedMessage().replace("{taskName}", task.getName() == null ? "" : task.getName())
        .replace("{caseNumber}", caseNumber).replace("{due}", due);
    outbox.enqueue(new OutboundMessage(caseNumber, "assigned-" + task.getId(), OutboundMessage.RecipientKind.STAFF,
        "user:" + task.getAssignee(), OutboundMessage.Channel.INBOX, properties.assignedSubject(), body,
        task.getTenantId(), task.getProcessInstanceId(), Boolean.TRUE.equals(task.getVariable("drill"))));
  }
}
