package com.casedesk.complaint;

import com.casedesk.notification.CaseMessages;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Complaint texts through the shared {@link CaseMessages}: {category} reads as its label. */
@Component
class ComplaintMessages {

  private final CaseMessages messages;

  ComplaintMessages(CaseMessages messages) {
    this.messages = messages;
  }

  void toOwner(DelegateExecution execution, String purpose, String template) {
    messages.toOwner(execution, purpose, template, values(execution, Map.of()));
  }

  void toGroup(DelegateExecution execution, String purpose, String groupId, String template, Map<String, String> extra) {
    messages.toGroup(execution, purpose, groupId, template, values(execution, extra));
  }

  private static Map<String, String> values(DelegateExecution execution, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(extra);
    Object label = execution.getVariable("categoryLabel");
    values.putIfAbsent("category", String.valueOf(label == null ? execution.getVariable("category") : label));
    return values;
  }
}
