package com.casedesk.emergency;

import java.time.LocalDateTime;

/** The record of a mass incident (table mass_incident). */
public record MassIncident(
    String caseNumber,
    String companyCode,
    String projectCode,
    String buildingCode,
    String category,
    String description,
    String source,
    boolean drill,
    int householdsAffected,
    boolean mediaAttention,
    boolean safetyRisk,
    String level,
    String updateCycle,
    String commander,
    String responseTeam,
    String status,
    String openKey,
    String unifiedReply,
    LocalDateTime unifiedReplyAt,
    int progressUpdates,
    int missedUpdates,
    String rootCause,
    String resolution,
    String reviewCauses,
    String reviewWhatWorked,
    String reviewLessons,
    String declaredBy,
    LocalDateTime declaredAt,
    LocalDateTime resolvedAt,
    LocalDateTime closedAt,
    String processInstanceId) {

  public static final String ACTIVE = "ACTIVE";
  public static final String RESOLVED = "RESOLVED";
  public static final String CLOSED = "CLOSED";

  /** The key that allows one active real incident per project and category. */
  static String openKey(String projectCode, String category) {
    return projectCode + "|" + category;
  }
}
