package com.casedesk.notification;

import java.util.Objects;

/**
 * A message to an owner or a staff member. (caseNumber, purpose, recipient) identifies it: the
 * outbox holds one message per key, however often a step is retried. A step that sends the same
 * purpose repeatedly (e.g. daily progress notices) puts the round into the purpose ("progress-3").
 *
 * @param drill true when raised by an emergency drill: nothing reaches a real owner
 */
public record OutboundMessage(
    String caseNumber,
    String purpose,
    RecipientKind recipientKind,
    String recipient,
    Channel channel,
    String subject,
    String body,
    String companyCode,
    String processInstanceId,
    boolean drill) {

  public enum RecipientKind { OWNER, STAFF }

  public enum Channel { SMS, EMAIL, INBOX }

  public OutboundMessage {
    requireText(caseNumber, "caseNumber");
    requireText(purpose, "purpose");
    requireText(recipient, "recipient");
    requireText(body, "body");
    Objects.requireNonNull(recipientKind, "recipientKind is required");
    Objects.requireNonNull(channel, "channel is required");
    if (purpose.length() > 64) {
      throw new IllegalArgumentException("purpose is at most 64 characters: " + purpose);
    }
    if (body.length() > 2000) {
      throw new IllegalArgumentException("body is at most 2000 characters, was " + body.length());
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
