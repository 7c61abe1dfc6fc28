package com.casedesk.emergency;

import com.casedesk.complaint.ComplaintCase;
import com.casedesk.notification.CaseMessages;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * An incident's messages through the shared outbox: to staff groups and to the owners of the
 * linked complaints. A drill's are marked 【演练】 by {@link CaseMessages} and recorded as
 * SUPPRESSED: what would have gone out, never sent.
 */
@Component
class IncidentMessages {

  private final CaseMessages messages;

  IncidentMessages(CaseMessages messages) {
    this.messages = messages;
  }

  void toGroup(DelegateExecution execution, String purpose, String groupId, String template, Map<String, String> values) {
    messages.toGroup(execution, purpose, groupId, template, values);
  }

  /** One SMS per distinct phone of the linked complaints. */
  int toAffectedOwners(DelegateExecution execution, String purpose, List<ComplaintCase> linked, String template,
      Map<String, String> values) {
    Set<String> phones = new LinkedHashSet<>();
    linked.forEach(complaint -> phones.add(complaint.contactPhone()));
    phones.forEach(phone -> messages.toPhone(execution, purpose, phone, template, values));
    return phones.size();
  }
}
