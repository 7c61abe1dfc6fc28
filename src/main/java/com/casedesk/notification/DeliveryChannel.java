package com.casedesk.notification;

/**
 * One way a message leaves CaseDesk (an SMS gateway, e-mail). The dispatcher hands it each
 * message of its kind; a thrown exception is a failed attempt, retried later.
 */
interface DeliveryChannel {

  /** Whether this channel delivers the message (by its channel and recipient). */
  boolean delivers(OutboxEntry message);

  /** Whether the channel is configured here; an unconfigured one leaves its messages queued. */
  boolean configured();

  /**
   * Delivers the message. The message id is the idempotency key the receiver may use: a message
   * whose delivery result was lost (time-out, crash) is delivered again with the same key.
   */
  void deliver(OutboxEntry message) throws Exception;
}
