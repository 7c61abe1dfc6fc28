package com.casedesk.complaint;

import java.util.HashMap;
import java.util.Map;

/**
 * A complaint from the owner app or forum ({@code POST /api/complaints}): about a unit
 * ({@code unitCode}) or a project's public area ({@code projectCode} only). Fields are checked by
 * {@link ComplaintIntakeValidator}, the same rules as the Tasklist start form.
 */
public record ComplaintIntakeRequest(
    String channel,
    String unitCode,
    String projectCode,
    String contactName,
    String contactPhone,
    String category,
    String subcategory,
    String description) {

  Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ComplaintProcess.Var.CHANNEL, channel);
    variables.put(ComplaintProcess.Var.UNIT_CODE, unitCode);
    variables.put(ComplaintProcess.Var.PROJECT_CODE, projectCode);
    variables.put(ComplaintProcess.Var.CONTACT_NAME, contactName);
    variables.put(ComplaintProcess.Var.CONTACT_PHONE, contactPhone);
    variables.put(ComplaintProcess.Var.CATEGORY, category);
    variables.put(ComplaintProcess.Var.SUBCATEGORY, subcategory);
    variables.put(ComplaintProcess.Var.DESCRIPTION, description);
    return variables;
  }
}
