package com.casedesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${sendComplaintReplyDelegate}}: records the first reply and sends it to the owner (outbox). */
@Component
class SendComplaintReplyDelegate implements JavaDelegate {

  private final ComplaintCases cases;
  private final ComplaintMessages messages;
  private final ComplaintProperties properties;

  SendComplaintReplyDelegate(ComplaintCases cases, ComplaintMessages messages, ComplaintProperties properties) {
    this.cases = cases;
    this.messages = messages;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reply = (String) execution.getVariable(ComplaintProcess.Var.REPLY_TEXT);
    cases.replied(execution.getProcessBusinessKey(), reply);
    messages.toOwner(execution, "reply", properties.messages().reply());
  }
}
