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
  private final ComplaintProperties properties;

  ComplaintMessages(CaseMessages messages, ComplaintProperties properties) {
    this.messages = messages;
    this.properties = properties;
  }

  void toOwner(DelegateExecution execution, String purpose, String template) {
    messages.toOwner(execution, purpose, template, values(execution, Map.of()));
  }

  void toGroup(DelegateExecution execution, String purpose, String groupId, String template, Map<String, String> extra) {
    messages.toGroup(execution, purpose, groupId, template, values(execution, extra));
  }

  private Map<String, String> values(DelegateExecution execution, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(extra);
    values.putIfAbsent("category", properties.label("category", execution.getVariable(ComplaintProcess.Var.CATEGORY)));
    return values;
  }
}
