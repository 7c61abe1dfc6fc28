package com.casedesk.complaint;

import java.time.LocalDateTime;

/** The case record of a complaint (table complaint_case). */
public record ComplaintCase(
    String caseNumber,
    String companyCode,
    String projectCode,
    String unitCode,
    Long ownerId,
    String contactName,
    String contactPhone,
    String channel,
    String category,
    String subcategory,
    String description,
    String severity,
    String responsibleGroup,
    String firstContactOwner,
    String registeredBy,
    String status,
    String escalationLevel,
    int reopenCount,
    LocalDateTime registeredAt,
    LocalDateTime replyDue,
    LocalDateTime repliedAt,
    String replyText,
    LocalDateTime resolutionDue,
    LocalDateTime resolvedAt,
    String handlingResult,
    LocalDateTime callbackDue,
    LocalDateTime closedAt,
    Integer satisfaction,
    String satisfactionComment,
    String processInstanceId,
    String massIncident,
    boolean drill) {

  public enum Status { REGISTERED, IN_HANDLING, RESOLVED, REOPENED, CLOSED }

  /** Escalation levels, lowest first. */
  public enum EscalationLevel { SUPERVISOR, GM, GROUP_CENTRE }
}
