package com.casedesk.complaint;

import com.casedesk.calendar.WorkingTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * The {@code labels} variable ({@link ComplaintProcess.Var#LABELS}): the codes and deadlines of a
 * complaint as staff read them in Tasklist, in one JSON variable instead of one variable each.
 * Every command that reads a variable of a complaint loads all of them, and each variable is a row
 * written, copied to history and deleted again: seven display texts were seven of each.
 */
@Component
class ComplaintLabels {

  static final String RESOLUTION_DUE = "resolutionDue";

  private final ComplaintProperties properties;
  private final WorkingTime workingTime;

  ComplaintLabels(ComplaintProperties properties, WorkingTime workingTime) {
    this.properties = properties;
    this.workingTime = workingTime;
  }

  /** The labels once the complaint is classified (forms are shown only after that). */
  JsonValue classified(DelegateExecution execution, String severity, String responsibleGroup, Date replyDue,
      Date resolutionDue) {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("channel", properties.label("channel", execution.getVariable(ComplaintProcess.Var.CHANNEL)));
    labels.put("category", properties.label("category", execution.getVariable(ComplaintProcess.Var.CATEGORY)));
    labels.put("subcategory", properties.label("subcategory", execution.getVariable(ComplaintProcess.Var.SUBCATEGORY)));
    labels.put("severity", properties.label("severity", severity));
    labels.put("responsibleGroup", groupName(execution, responsibleGroup));
    labels.put("replyDue", workingTime.format(replyDue));
    labels.put(RESOLUTION_DUE, workingTime.format(resolutionDue));
    return SpinValues.jsonValue(Spin.JSON(labels)).create();
  }

  /**
   * A reopened complaint's new resolution deadline. A complaint started before the labels were one
   * variable (27 Nov 2026) gets them all here.
   */
  void resolutionDueChanged(DelegateExecution execution, Date resolutionDue) {
    JsonValue labels = execution.getVariableTyped(ComplaintProcess.Var.LABELS);
    if (labels == null) {
      execution.setVariable(ComplaintProcess.Var.LABELS, classified(execution,
          (String) execution.getVariable(ComplaintProcess.Var.SEVERITY),
          (String) execution.getVariable(ComplaintProcess.Var.RESPONSIBLE_GROUP),
          (Date) execution.getVariable(ComplaintProcess.Var.REPLY_DUE), resolutionDue));
      return;
    }
    SpinJsonNode node = labels.getValue();
    node.prop(RESOLUTION_DUE, workingTime.format(resolutionDue));
    execution.setVariable(ComplaintProcess.Var.LABELS, SpinValues.jsonValue(node).create());
  }

  private static String groupName(DelegateExecution execution, String groupId) {
    org.camunda.bpm.engine.identity.Group group = execution.getProcessEngineServices().getIdentityService()
        .createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }
}
