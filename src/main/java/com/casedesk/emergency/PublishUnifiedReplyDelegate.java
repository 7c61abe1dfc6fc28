package com.casedesk.emergency;

import com.casedesk.complaint.ComplaintProcess;
import com.casedesk.emergency.MassComplaintProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${publishUnifiedReplyDelegate}}: the approved unified reply (统一回复口径) becomes the
 * incident's, and every linked complaint waiting for it sends it as its first reply. The incident
 * row is updated first: a complaint checking for the reply at the same moment waits for this
 * transaction, then finds the reply.
 */
@Component
class PublishUnifiedReplyDelegate implements JavaDelegate {

  private final MassIncidents incidents;
  private final IncidentLinks links;

  PublishUnifiedReplyDelegate(MassIncidents incidents, IncidentLinks links) {
    this.incidents = incidents;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    String reply = (String) execution.getVariable(Var.UNIFIED_REPLY_DRAFT);
    incidents.unifiedReplyPublished(caseNumber, reply);
    incidents.stepDone(caseNumber, ResponseStep.UNIFIED_REPLY);
    execution.setVariable("unifiedReply", reply);
    links.tellLinked(caseNumber, ComplaintProcess.Message.UNIFIED_REPLY_PUBLISHED, ComplaintProcess.Var.REPLY_TEXT, reply);
  }
}
