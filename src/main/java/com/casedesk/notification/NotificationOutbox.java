package com.casedesk.notification;

import com.casedesk.database.DatabaseProduct;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

  private static final String INSERT = """
      INSERT INTO notification_outbox (case_number, purpose, recipient_kind, recipient, channel, subject,
          body, company_code, process_instance_id, drill, status)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;
  /** PostgreSQL's ON CONFLICT DO NOTHING: the key refuses a twin without an error, no savepoint needed */
  private final boolean postgres;

  NotificationOutbox(JdbcClient jdbc, PlatformTransactionManager transactionManager, DataSource dataSource) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.postgres = DatabaseProduct.isPostgres(dataSource);
  }

  /**
   * Puts the message in the outbox unless it is already there.
   *
   * @return the outbox entry's id and status; {@code created} false when an earlier attempt had
   *     enqueued it
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public Enqueued enqueue(OutboundMessage message) {
    // a drill's messages never leave, to owners or staff: recorded as what would have gone out
    String status = message.drill() ? OutboxEntry.SUPPRESSED : OutboxEntry.PENDING;
    Object[] values = {message.caseNumber(), message.purpose(), message.recipientKind().name(), message.recipient(),
        message.channel().name(), message.subject(), message.body(), message.companyCode(),
        message.processInstanceId(), message.drill(), status};
    // the insert comes first: the key refuses a message enqueued before (a retried step) or by a
    // concurrent twin, and the transaction goes on. The new row's id comes back with the insert: no
    // read before or after it
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    boolean inserted;
    if (postgres) {
      // a twin's insert waits for the first one's transaction and then inserts nothing
      inserted = jdbc.sql(INSERT + " ON CONFLICT DO NOTHING").params(values).update(key, "id") == 1;
    } else {
      // H2 has no ON CONFLICT: the refused insert is rolled back to a savepoint
      try {
        savepoint.executeWithoutResult(tx -> jdbc.sql(INSERT).params(values).update(key, "id"));
        inserted = true;
      } catch (DuplicateKeyException already) {
        inserted = false;
      }
    }
    if (!inserted) {
      OutboxEntry existing = find(message.caseNumber(), message.purpose(), message.recipient()).orElseThrow();
      LOG.info("Outbox: {} / {} / {} already enqueued (id {}), not again",
          message.caseNumber(), message.purpose(), message.recipient(), existing.id());
      return new Enqueued(existing.id(), existing.status(), false);
    }
    return new Enqueued(key.getKeyAs(Number.class).longValue(), status, true);
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
            UPDATE notification_outbox SET status = 'SENT', sent_at = CURRENT_TIMESTAMP, attempts = attempts + 1,
                claimed_by = NULL, claimed_until = NULL
            WHERE id = ? AND status IN ('PENDING', 'FAILED')""")
        .param(id).update() == 1;
  }

  /** Records a failed delivery attempt; after {@code maxAttempts} the message is FAILED for good. */
  @Transactional
  public void markFailed(long id, String error, int maxAttempts) {
    markFailed(id, error, maxAttempts, null);
  }

  /**
   * Records a failed delivery attempt and when to try again; after {@code maxAttempts} the
   * message is FAILED for good (the dead letter an administrator looks at).
   */
  @Transactional
  public void markFailed(long id, String error, int maxAttempts, java.util.Date nextAttemptAt) {
    String trimmed = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    jdbc.sql("""
            UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                claimed_by = NULL, claimed_until = NULL,
                status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END
            WHERE id = ? AND status = 'PENDING'""")
        .params(trimmed, nextAttemptAt == null ? null : new java.sql.Timestamp(nextAttemptAt.getTime()), maxAttempts, id)
        .update();
  }

  /**
   * Claims up to {@code limit} messages due for delivery for one dispatcher run, for
   * {@code lease}: another node's run skips them until the lease ends (the claimer died).
   *
   * @return the claimed messages, oldest first
   */
  @Transactional
  public List<OutboxEntry> claim(String claimer, int limit, java.time.Duration lease) {
    java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
    jdbc.sql("""
            UPDATE notification_outbox SET claimed_by = ?, claimed_until = ?
            WHERE status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
              AND (claimed_until IS NULL OR claimed_until < ?)
              AND id IN (SELECT id FROM notification_outbox
                         WHERE status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                           AND (claimed_until IS NULL OR claimed_until < ?)
                         ORDER BY id FETCH FIRST ? ROWS ONLY)""")
        .params(claimer, new java.sql.Timestamp(now.getTime() + lease.toMillis()), now, now, now, now, limit)
        .update();
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE claimed_by = ? AND status = 'PENDING' ORDER BY id")
        .param(claimer).query(OutboxEntry.class).list();
  }

  /** Leaves a message queued for later without counting an attempt (its channel is not configured here). */
  @Transactional
  public void postpone(long id, java.util.Date nextAttemptAt) {
    jdbc.sql("""
            UPDATE notification_outbox SET next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL
            WHERE id = ? AND status = 'PENDING'""")
        .params(new java.sql.Timestamp(nextAttemptAt.getTime()), id).update();
  }

  /** Messages in a status (e.g. FAILED: the dead letters), newest first. */
  public List<OutboxEntry> inStatus(String status, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE status = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
        .params(status, limit).query(OutboxEntry.class).list();
  }

  /** How many messages are in a status. */
  public long count(String status) {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = ?").param(status).query(Long.class).single();
  }

  /** Puts a dead letter back in the queue with fresh attempts (an administrator fixed the cause). */
  @Transactional
  public boolean retry(long id) {
    return jdbc.sql("""
            UPDATE notification_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = NULL,
                claimed_by = NULL, claimed_until = NULL WHERE id = ? AND status = 'FAILED'""")
        .param(id).update() == 1;
  }

  /** The entry, and whether this call created it. */
  public record Enqueued(long id, String status, boolean created) {}
}
