package com.casedesk.repair;

import java.util.HashMap;
import java.util.Map;

/**
 * A repair request from the owner app or hotline system ({@code POST /api/repairs}): in a unit
 * ({@code locationType} "in-home", {@code unitCode}) or in a project's public area ("public",
 * {@code projectCode} and {@code location}). {@code preferredTime} (ISO date-time) books a visit.
 * Checked by {@link RepairIntakeValidator}, the same rules as the Tasklist start form.
 */
public record RepairIntakeRequest(
    String channel,
    String locationType,
    String unitCode,
    String projectCode,
    String location,
    String category,
    String urgency,
    String preferredTime,
    String contactName,
    String contactPhone,
    String description) {

  Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RepairProcess.Var.CHANNEL, channel);
    variables.put(RepairProcess.Var.LOCATION_TYPE, locationType);
    variables.put(RepairProcess.Var.UNIT_CODE, unitCode);
    variables.put(RepairProcess.Var.PROJECT_CODE, projectCode);
    variables.put(RepairProcess.Var.LOCATION, location);
    variables.put(RepairProcess.Var.CATEGORY, category);
    variables.put(RepairProcess.Var.URGENCY, urgency);
    variables.put(RepairProcess.Var.PREFERRED_TIME, preferredTime);
    variables.put(RepairProcess.Var.CONTACT_NAME, contactName);
    variables.put(RepairProcess.Var.CONTACT_PHONE, contactPhone);
    variables.put(RepairProcess.Var.DESCRIPTION, description);
    return variables;
  }
}
