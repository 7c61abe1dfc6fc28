package com.casedesk.emergency;

import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.complaint.ComplaintCases;
import com.casedesk.emergency.MassComplaintProcess.Element;
import com.casedesk.emergency.MassComplaintProcess.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordIncidentStepListener}}, on "complete" of every mass-complaint task: checks what
 * the form submitted beyond single fields, records the step on the incident and sends what the
 * step sends. A check that fails throws {@link InvalidInputException}: the completion rolls back,
 * the task stays open, Tasklist shows why.
 */
@Component
class RecordIncidentStepListener implements TaskListener {

  private static final List<String> MEANS = List.of("meeting", "notice-board", "message");

  private final MassIncidents incidents;
  private final IncidentLinks links;
  private final IncidentMessages messages;
  private final ComplaintCases complaints;
  private final EmergencyProperties properties;

  RecordIncidentStepListener(MassIncidents incidents, IncidentLinks links, IncidentMessages messages,
      ComplaintCases complaints, EmergencyProperties properties) {
    this.incidents = incidents;
    this.links = links;
    this.messages = messages;
    this.complaints = complaints;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String caseNumber = execution.getProcessBusinessKey();
    Map<String, Object> input = task.getVariables();
    List<FieldError> errors = new ArrayList<>();
    switch (task.getTaskDefinitionKey()) {
      case Element.ASSEMBLE_TEAM -> {
        String commander = FieldChecks.text(input, Var.COMMANDER);
        String team = FieldChecks.plainText(errors, input, Var.RESPONSE_TEAM, true, 1000);
        if (commander == null) {
          errors.add(new FieldError(Var.COMMANDER, "必填"));
        } else if (!worksFor(task.getProcessEngineServices().getIdentityService(), commander, task.getTenantId())) {
          errors.add(new FieldError(Var.COMMANDER, "现场总指挥应为本公司或集团客户关系中心的员工账号：" + commander));
        }
        check(errors);
        incidents.teamAssembled(caseNumber, commander, team);
        incidents.stepDone(caseNumber, ResponseStep.ASSEMBLE_TEAM);
        execution.setVariable(Var.COMMANDER, commander);
      }
      case Element.DRAFT_REPLY -> {
        FieldChecks.plainText(errors, input, Var.UNIFIED_REPLY_DRAFT, true, 1000);
        check(errors);
        execution.setVariable(Var.GM_APPROVED, null);
        execution.setVariable(Var.GROUP_CENTRE_APPROVED, null);
        execution.setVariable(Var.REJECTION_NOTE, null);
      }
      case Element.APPROVE_REPLY_GM, Element.APPROVE_REPLY_GROUP_CENTRE -> {
        // one approval form for both levels: its "approved" becomes this level's decision
        boolean approved = Boolean.TRUE.equals(input.get(Var.APPROVED));
        if (!approved) {
          FieldChecks.plainText(errors, input, Var.REJECTION_NOTE, true, 1000);
        }
        check(errors);
        execution.setVariable(Element.APPROVE_REPLY_GM.equals(task.getTaskDefinitionKey())
            ? Var.GM_APPROVED : Var.GROUP_CENTRE_APPROVED, approved);
        execution.setVariable(Var.APPROVED, null);
      }
      case Element.COMMUNICATE -> {
        String means = FieldChecks.text(input, Var.COMMUNICATION_MEANS);
        if (means == null || !MEANS.contains(means)) {
          errors.add(new FieldError(Var.COMMUNICATION_MEANS, "请选择沟通方式：业主座谈会、公告栏或短信"));
        }
        FieldChecks.plainText(errors, input, Var.COMMUNICATION_SUMMARY, true, 2000);
        boolean message = Boolean.TRUE.equals(input.get(Var.MESSAGE_TO_UNITS));
        FieldChecks.plainText(errors, input, Var.OWNER_MESSAGE, message, 300);
        check(errors);
        if (message) {
          messages.toAffectedOwners(execution, "owner-notice", complaints.linkedTo(caseNumber),
              properties.messages().ownerNotice(), Map.of());
        }
        incidents.stepDone(caseNumber, ResponseStep.OWNER_COMMUNICATION);
      }
      case Element.ROOT_CAUSE -> {
        String rootCause = FieldChecks.plainText(errors, input, Var.ROOT_CAUSE, true, 2000);
        check(errors);
        incidents.rootCause(caseNumber, rootCause);
        incidents.stepDone(caseNumber, ResponseStep.ROOT_CAUSE);
      }
      case Element.LIAISON -> {
        FieldChecks.plainText(errors, input, Var.LIAISON_SUMMARY, true, 2000);
        check(errors);
        incidents.stepDone(caseNumber, ResponseStep.LIAISON);
      }
      case Element.PUBLISH_UPDATE -> {
        FieldChecks.plainText(errors, input, Var.PROGRESS_TEXT, true, 300);
        check(errors);
        links.linkAll(caseNumber, IncidentLinks.parse(input.get(Var.ADDITIONAL_COMPLAINTS)), Var.ADDITIONAL_COMPLAINTS, null);
        int round = ((Number) execution.getVariable(Var.UPDATE_ROUND)).intValue();
        messages.toAffectedOwners(execution, "progress-" + round, complaints.linkedTo(caseNumber),
            properties.messages().progress(), Map.of());
        incidents.progressPublished(caseNumber);
        incidents.stepDone(caseNumber, ResponseStep.FIRST_UPDATE);
      }
      case Element.RESOLVE -> {
        FieldChecks.plainText(errors, input, Var.RESOLUTION_SUMMARY, true, 1000);
        check(errors);
        incidents.stepDone(caseNumber, ResponseStep.RESOLVE);
      }
      case Element.REVIEW -> {
        String causes = FieldChecks.plainText(errors, input, Var.REVIEW_CAUSES, true, 2000);
        String worked = FieldChecks.plainText(errors, input, Var.REVIEW_WHAT_WORKED, true, 2000);
        String lessons = FieldChecks.plainText(errors, input, Var.REVIEW_LESSONS, true, 2000);
        check(errors);
        incidents.reviewed(caseNumber, causes, worked, lessons);
        incidents.stepDone(caseNumber, ResponseStep.REVIEW);
      }
      default -> {
        // acknowledgements and the drill evaluation record their SLA only
      }
    }
  }

  private static void check(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException("提交内容有误", errors);
    }
  }

  /** A staff account of the company (its tenant), or of the group centre (member of every tenant). */
  private static boolean worksFor(IdentityService identity, String userId, String companyCode) {
    return identity.createUserQuery().userId(userId).count() == 1
        && identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).tenantId(companyCode).count() > 0;
  }
}
