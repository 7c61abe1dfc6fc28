package com.casedesk.notification;

import java.time.LocalDateTime;

/** A row of the notification outbox. */
public record OutboxEntry(
    long id,
    String caseNumber,
    String purpose,
    String recipientKind,
    String recipient,
    String channel,
    String subject,
    String body,
    String companyCode,
    String processInstanceId,
    boolean drill,
    String status,
    int attempts,
    String lastError,
    LocalDateTime createdAt,
    LocalDateTime sentAt) {

  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";
  /** a drill's message to an owner: recorded, never delivered */
  public static final String SUPPRESSED = "SUPPRESSED";
}
