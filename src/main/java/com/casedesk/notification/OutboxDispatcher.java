package com.casedesk.notification;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: claims due messages (a lease, so that two nodes never deliver one message
 * at the same time), hands each to its channel, records SENT, or a failed attempt with an
 * exponential back-off; after {@code max-attempts} a message is FAILED, a dead letter for an
 * administrator ({@code GET /api/admin/outbox}). Drill messages to owners are SUPPRESSED at
 * enqueue and never claimed. A message whose channel is not configured here stays queued.
 */
@Component
public class OutboxDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final NotificationOutbox outbox;
  private final List<DeliveryChannel> channels;
  private final NotificationProperties properties;

  OutboxDispatcher(NotificationOutbox outbox, List<DeliveryChannel> channels, NotificationProperties properties) {
    this.outbox = outbox;
    this.channels = channels;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "${casedesk.notification.dispatch-interval:PT5S}")
  void scheduled() {
    if (properties.dispatcherEnabled()) {
      dispatchOnce();
    }
  }

  /** One run: claims a batch and delivers it. @return how many messages were delivered */
  public int dispatchOnce() {
    String run = UUID.randomUUID().toString();
    int delivered = 0;
    for (OutboxEntry message : outbox.claim(run, properties.batchSize(), properties.lease())) {
      DeliveryChannel channel = channels.stream().filter(c -> c.delivers(message)).findFirst().orElse(null);
      if (channel == null || !channel.configured()) {
        outbox.postpone(message.id(), Date.from(Instant.now().plus(properties.maxRetryAfter())));
        continue;
      }
      try {
        channel.deliver(message);
        outbox.markSent(message.id());
        delivered++;
      } catch (Exception e) {
        int failures = message.attempts() + 1;
        LOG.warn("Outbox message {} ({} / {}) not delivered, attempt {} of {}: {}", message.id(), message.caseNumber(),
            message.purpose(), failures, properties.maxAttempts(), e.toString());
        outbox.markFailed(message.id(), e.toString(), properties.maxAttempts(), retryAt(failures));
      }
    }
    return delivered;
  }

  private Date retryAt(int failures) {
    return Date.from(Instant.now().plus(properties.retryAfter(failures)));
  }
}
