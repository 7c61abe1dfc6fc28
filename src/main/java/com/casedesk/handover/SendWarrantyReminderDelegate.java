package com.casedesk.handover;

import com.casedesk.handover.HandoverProcess.Var;
import com.casedesk.notification.CaseMessages;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${sendWarrantyReminderDelegate}}: one SMS per warranty item, a month before it ends (outbox). */
@Component
class SendWarrantyReminderDelegate implements JavaDelegate {

  private final CaseMessages messages;
  private final UnitEvents events;
  private final HandoverProperties properties;

  SendWarrantyReminderDelegate(CaseMessages messages, UnitEvents events, HandoverProperties properties) {
    this.messages = messages;
    this.events = events;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String item = (String) execution.getVariable(Var.WARRANTY_ITEM);
    messages.toOwner(execution, "warranty-" + item, properties.messages().warrantyReminder(), Map.of());
    events.record((String) execution.getVariable(Var.UNIT_CODE), execution.getProcessBusinessKey(), "warranty-reminded",
        execution.getVariable("warrantyLabel") + "保修期至" + execution.getVariable("warrantyEndText"), null);
  }
}
