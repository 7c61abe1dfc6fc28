package com.casedesk.notification;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox is delivered ({@code casedesk.notification.*}).
 *
 * @param dispatcherEnabled whether this node delivers (every node may: claims keep them apart)
 * @param batchSize messages claimed per run
 * @param lease how long a claimed message is held by the run that claimed it
 * @param maxAttempts attempts before a message becomes a dead letter (FAILED)
 * @param firstRetryAfter back-off after the first failure, doubled after each further one
 * @param maxRetryAfter the longest back-off
 * @param sms the SMS gateway (HTTP); no URL: SMS stay queued
 * @param mailFrom the sender of staff e-mails
 * @param assignedSubject / assignedMessage what a staff member is e-mailed when a task is
 *     assigned to them ({taskName}, {caseNumber}, {due})
 */
@Validated
@ConfigurationProperties("casedesk.notification")
record NotificationProperties(
    boolean dispatcherEnabled,
    @Min(1) int batchSize,
    @NotNull Duration lease,
    @Min(1) int maxAttempts,
    @NotNull Duration firstRetryAfter,
    @NotNull Duration maxRetryAfter,
    Sms sms,
    String mailFrom,
    String assignedSubject,
    String assignedMessage) {

  /**
   * @param url the gateway's send endpoint (POST, JSON); blank: no SMS gateway here
   * @param apiKey sent as a bearer token
   * @param templateId the provider's template for CaseDesk's free-text messages
   * @param connectTimeout / readTimeout how long to wait for the gateway
   */
  record Sms(String url, String apiKey, String templateId, @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {}

  /** The back-off after the n-th failure (1-based): first, doubled, at most max. */
  Duration retryAfter(int failures) {
    Duration delay = firstRetryAfter.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
    return delay.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : delay;
  }
}
