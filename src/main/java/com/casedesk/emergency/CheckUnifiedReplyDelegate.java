package com.casedesk.emergency;

import com.casedesk.complaint.ComplaintProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkUnifiedReplyDelegate}}, in complaint-handling before the first reply: a complaint
 * of no mass incident is answered by its first-contact owner ({@code replyMode} own); one linked
 * to an incident sends the incident's approved unified reply (unified), or waits for it (await).
 * The incident row is locked while checking, so the reply's publication cannot slip in between.
 */
@Component
class CheckUnifiedReplyDelegate implements JavaDelegate {

  private final MassIncidents incidents;

  CheckUnifiedReplyDelegate(MassIncidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incident = (String) execution.getVariable(ComplaintProcess.Var.MASS_INCIDENT);
    if (incident == null) {
      execution.setVariable(ComplaintProcess.Var.REPLY_MODE, ComplaintProcess.REPLY_OWN);
      return;
    }
    String reply = incidents.lock(incident).map(MassIncident::unifiedReply).orElse(null);
    if (reply == null) {
      execution.setVariable(ComplaintProcess.Var.REPLY_MODE, ComplaintProcess.REPLY_AWAIT);
    } else {
      execution.setVariable(ComplaintProcess.Var.REPLY_MODE, ComplaintProcess.REPLY_UNIFIED);
      execution.setVariable(ComplaintProcess.Var.REPLY_TEXT, reply);
    }
  }
}
