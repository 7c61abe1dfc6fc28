package com.casedesk.complaint;

import com.casedesk.notification.NotificationOutbox;
import com.casedesk.notification.OutboundMessage;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Fills the configured complaint texts and puts them in the outbox. */
@Component
class ComplaintMessages {

  private final NotificationOutbox outbox;

  ComplaintMessages(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  void toOwner(DelegateExecution execution, String purpose, String template) {
    String phone = (String) execution.getVariable(ComplaintProcess.Var.CONTACT_PHONE);
    outbox.enqueue(new OutboundMessage(execution.getProcessBusinessKey(), purpose,
        OutboundMessage.RecipientKind.OWNER, phone, OutboundMessage.Channel.SMS, null,
        fill(template, execution, Map.of()), execution.getTenantId(), execution.getProcessInstanceId(), false));
  }

  void toGroup(DelegateExecution execution, String purpose, String groupId, String template, Map<String, String> extra) {
    outbox.enqueue(new OutboundMessage(execution.getProcessBusinessKey(), purpose,
        OutboundMessage.RecipientKind.STAFF, "group:" + groupId, OutboundMessage.Channel.INBOX, null,
        fill(template, execution, extra), execution.getTenantId(), execution.getProcessInstanceId(), false));
  }

  static String fill(String template, DelegateExecution execution, Map<String, String> extra) {
    String text = template.replace("{caseNumber}", String.valueOf(execution.getProcessBusinessKey()));
    Object category = execution.getVariable("categoryLabel");
    text = text.replace("{category}", category == null ? String.valueOf(execution.getVariable("category")) : category.toString());
    for (String name : new String[] {"contactName", "replyText", "reopenCount"}) {
      Object value = execution.getVariable(name);
      text = text.replace("{" + name + "}", value == null ? "" : value.toString());
    }
    for (Map.Entry<String, String> entry : extra.entrySet()) {
      text = text.replace("{" + entry.getKey() + "}", entry.getValue());
    }
    return text;
  }
}
