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
  JsonValue classified(DelegateExecution execution, String severity, String responsibleGroupName, Date replyDue,
      Date resolutionDue) {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("channel", properties.label("channel", execution.getVariable(ComplaintProcess.Var.CHANNEL)));
    labels.put("category", properties.label("category", execution.getVariable(ComplaintProcess.Var.CATEGORY)));
    labels.put("subcategory", properties.label("subcategory", execution.getVariable(ComplaintProcess.Var.SUBCATEGORY)));
    labels.put("severity", properties.label("severity", severity));
    labels.put("responsibleGroup", responsibleGroupName);
    labels.put("replyDue", workingTime.format(replyDue));
    labels.put(RESOLUTION_DUE, workingTime.format(resolutionDue));
    return SpinValues.jsonValue(Spin.JSON(labels)).create();
  }

  /** A reopened complaint's new resolution deadline. */
  void resolutionDueChanged(DelegateExecution execution, Date resolutionDue) {
    JsonValue labels = execution.getVariableTyped(ComplaintProcess.Var.LABELS);
    SpinJsonNode node = labels.getValue();
    node.prop(RESOLUTION_DUE, workingTime.format(resolutionDue));
    execution.setVariable(ComplaintProcess.Var.LABELS, SpinValues.jsonValue(node).create());
  }
}
