package com.casedesk.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${enqueueNotificationDelegate}}: puts one message in the outbox from a BPMN step. Input
 * parameters: {@code purpose}, {@code recipientKind} (OWNER/STAFF), {@code recipient},
 * {@code channel} (SMS/EMAIL/INBOX), {@code body}, optional {@code subject}. The case number is
 * the business key, the company the tenant; the process variable {@code drill} marks a drill.
 * Mark the step {@code camunda:asyncBefore} so a failure becomes a retried job, unless a timer event
 * comes right before it: the timer's job then runs it and is retried as a whole.
 */
@Component
class EnqueueNotificationDelegate implements JavaDelegate {

  private final NotificationOutbox outbox;

  EnqueueNotificationDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OutboundMessage message = new OutboundMessage(
        execution.getProcessBusinessKey(),
        text(execution, "purpose"),
        OutboundMessage.RecipientKind.valueOf(text(execution, "recipientKind")),
        text(execution, "recipient"),
        OutboundMessage.Channel.valueOf(text(execution, "channel")),
        (String) execution.getVariable("subject"),
        text(execution, "body"),
        execution.getTenantId(),
        execution.getProcessInstanceId(),
        Boolean.TRUE.equals(execution.getVariable("drill")));
    outbox.enqueue(message);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null) {
      throw new IllegalArgumentException("Input '" + name + "' of " + execution.getCurrentActivityId()
          + " is required to enqueue a notification");
    }
    return value.toString();
  }
}
