package com.casedesk.repair;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The record of a repair order (table repair_order). */
public record RepairOrder(
    String caseNumber,
    String companyCode,
    String projectCode,
    String unitCode,
    String locationType,
    String location,
    Long ownerId,
    String contactName,
    String contactPhone,
    String channel,
    String category,
    String urgency,
    String description,
    LocalDateTime preferredTime,
    String registeredBy,
    String followUpOf,
    String status,
    String escalationLevel,
    LocalDateTime registeredAt,
    LocalDateTime onSiteDue,
    String firstTechnician,
    String technician,
    LocalDateTime dispatchedAt,
    LocalDateTime firstArrivedAt,
    Boolean arrivedOnTime,
    LocalDateTime completionDue,
    LocalDateTime firstCompletedAt,
    Boolean completedOnTime,
    LocalDateTime completedAt,
    String workDone,
    String materials,
    Boolean inWarranty,
    BigDecimal chargeAmount,
    Boolean chargeAgreed,
    int reworkCount,
    LocalDateTime callbackDue,
    LocalDateTime callbackAt,
    Boolean satisfied,
    Integer satisfaction,
    Boolean chargeDisputed,
    String callbackComment,
    String otherNeeds,
    String followUpCaseNumber,
    LocalDateTime closedAt,
    String processInstanceId) {

  public enum Status { REGISTERED, DISPATCHED, ON_SITE, REPAIRED, REWORK, CLOSED }

  /** Escalation levels, lowest first. */
  public enum EscalationLevel { DISPATCH, SUPERVISOR }
}
