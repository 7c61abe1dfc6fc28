package com.casedesk.emergency;

import java.util.Arrays;
import java.util.Optional;

/**
 * The measured steps of an incident's response. Each has a target time after the declaration
 * (emergency-response-targets.dmn; the first progress update's is the grade's update cycle) and a
 * process variable holding its due instant, which the task's due date and escalation timer read.
 */
public enum ResponseStep {
  ALERT("alert", "alertDue"),
  ASSEMBLE_TEAM("assemble-team", "assembleTeamDue"),
  UNIFIED_REPLY("unified-reply", "unifiedReplyDue"),
  OWNER_COMMUNICATION("owner-communication", "ownerCommunicationDue"),
  ROOT_CAUSE("root-cause", "rootCauseDue"),
  LIAISON("liaison", "liaisonDue"),
  FIRST_UPDATE("first-update", "firstUpdateDue"),
  RESOLVE("resolve", "resolveDue"),
  REVIEW("review", "reviewDue");

  private final String id;
  private final String dueVariable;

  ResponseStep(String id, String dueVariable) {
    this.id = id;
    this.dueVariable = dueVariable;
  }

  public String id() {
    return id;
  }

  public String dueVariable() {
    return dueVariable;
  }

  public static Optional<ResponseStep> of(String id) {
    return Arrays.stream(values()).filter(step -> step.id.equals(id)).findFirst();
  }
}
