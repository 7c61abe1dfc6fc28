package com.casedesk.handover;

import com.casedesk.handover.HandoverProcess.Var;
import com.casedesk.notification.CaseMessages;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${sendWelcomeDelegate}}: welcomes the new owner with the project's property assistant
 * (物业助理) and their phone ({@code casedesk.handover.property-assistants}), through the outbox.
 */
@Component
class SendWelcomeDelegate implements JavaDelegate {

  private final CaseMessages messages;
  private final HandoverProperties properties;

  SendWelcomeDelegate(CaseMessages messages, HandoverProperties properties) {
    this.messages = messages;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String project = (String) execution.getVariable(Var.PROJECT_CODE);
    Map<String, HandoverProperties.PropertyAssistant> assistants = properties.propertyAssistants();
    HandoverProperties.PropertyAssistant assistant = assistants == null ? null
        : assistants.getOrDefault(project, assistants.get("default"));
    if (assistant == null) {
      throw new IllegalStateException("No property assistant for project " + project
          + " (casedesk.handover.property-assistants." + project + " or .default)");
    }
    messages.toOwner(execution, "welcome", properties.messages().welcome(),
        Map.of("assistantName", assistant.name(), "assistantPhone", assistant.phone()));
  }
}
