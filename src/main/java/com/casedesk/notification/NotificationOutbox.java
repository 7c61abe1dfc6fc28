package com.casedesk.notification;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way CaseDesk sends anything to anybody. {@link #enqueue} writes the message in the
 * caller's (the engine's) transaction, so it exists exactly when the step that decided to send
 * it committed; the unique key (case, purpose, recipient) turns a retried step into a no-op.
 * Delivery (SMS, e-mail) reads {@link #pending} and records {@link #markSent}/{@link #markFailed}.
 */
@Service
public class NotificationOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationOutbox.class);
  private static final String COLUMNS = """
      id, case_number, purpose, recipient_kind, recipient, channel, subject, body, company_code,
      process_instance_id, drill, status, attempts, last_error, created_at, sent_at""";

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  NotificationOutbox(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Puts the message in the outbox unless it is already there.
   *
   * @return the outbox entry; {@code created} false when an earlier attempt had enqueued it
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public Enqueued enqueue(OutboundMessage message) {
    Optional<OutboxEntry> existing = find(message.caseNumber(), message.purpose(), message.recipient());
    if (existing.isPresent()) {
      LOG.info("Outbox: {} / {} / {} already enqueued (id {}), not again",
          message.caseNumber(), message.purpose(), message.recipient(), existing.get().id());
      return new Enqueued(existing.get(), false);
    }
    String status = message.drill() && message.recipientKind() == OutboundMessage.RecipientKind.OWNER
        ? OutboxEntry.SUPPRESSED : OutboxEntry.PENDING;
    try {
      // a concurrent twin may commit first: then our insert fails on the key, back to the savepoint
      savepoint.executeWithoutResult(tx -> jdbc.sql("""
              INSERT INTO notification_outbox (case_number, purpose, recipient_kind, recipient, channel, subject,
                  body, company_code, process_instance_id, drill, status)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(message.caseNumber(), message.purpose(), message.recipientKind().name(), message.recipient(),
              message.channel().name(), message.subject(), message.body(), message.companyCode(),
              message.processInstanceId(), message.drill(), status)
          .update());
    } catch (DuplicateKeyException raced) {
      return new Enqueued(find(message.caseNumber(), message.purpose(), message.recipient()).orElseThrow(), false);
    }
    return new Enqueued(find(message.caseNumber(), message.purpose(), message.recipient()).orElseThrow(), true);
  }

  public Optional<OutboxEntry> find(String caseNumber, String purpose, String recipient) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE case_number = ? AND purpose = ? AND recipient = ?")
        .params(caseNumber, purpose, recipient).query(OutboxEntry.class).optional();
  }

  public List<OutboxEntry> forCase(String caseNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE case_number = ? ORDER BY id")
        .param(caseNumber).query(OutboxEntry.class).list();
  }

  /** Oldest messages waiting for delivery. */
  public List<OutboxEntry> pending(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE status = 'PENDING' ORDER BY id"
            + " FETCH FIRST ? ROWS ONLY")
        .param(limit).query(OutboxEntry.class).list();
  }

  /** Records a delivery; a message already SENT is left as it is. */
  @Transactional
  public boolean markSent(long id) {
    return jdbc.sql("""
            UPDATE notification_outbox SET status = 'SENT', sent_at = CURRENT_TIMESTAMP, attempts = attempts + 1
            WHERE id = ? AND status IN ('PENDING', 'FAILED')""")
        .param(id).update() == 1;
  }

  /** Records a failed delivery attempt; after {@code maxAttempts} the message is FAILED for good. */
  @Transactional
  public void markFailed(long id, String error, int maxAttempts) {
    String trimmed = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    jdbc.sql("""
            UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?,
                status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END
            WHERE id = ? AND status = 'PENDING'""")
        .params(trimmed, maxAttempts, id).update();
  }

  /** The entry, and whether this call created it. */
  public record Enqueued(OutboxEntry entry, boolean created) {}
}
