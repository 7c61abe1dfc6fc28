package com.casedesk.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a case at most once per {@code Idempotency-Key}: the key is claimed, the case started
 * and the key linked to its case number in one transaction. A retry with the same key and the same
 * request gets the first answer back; the same key with another request is refused. Two
 * concurrent twins: one waits on the key, fails on it after the other commits, and is answered
 * from the stored row.
 */
@Service
public class IdempotentStarts {

  static final int MAX_KEY_LENGTH = 100;

  /** The case a request started (or had started before, when {@code replayed}). */
  public record Started(String caseNumber, String processInstanceId, boolean replayed) {}

  /** A key used again with another request: refused, since the first request's answer stands. */
  public static class KeyReusedException extends RuntimeException {
    KeyReusedException(String key) {
      super("Idempotency-Key '" + key + "' was already used for a different request");
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  IdempotentStarts(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Refuses a blank or overlong key (null means the caller sent none). */
  public static void checkKey(String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
      throw new InvalidInputException("Idempotency-Key 有误", List.of(new InvalidInputException.FieldError(
          "Idempotency-Key", "长度须为1到" + MAX_KEY_LENGTH + "个字符")));
    }
  }

  /**
   * Runs {@code start} once for this key: {@code start} issues the case number and starts the
   * process in the transaction opened here, and returns what it started.
   *
   * @param endpoint e.g. "POST /api/repairs"
   * @param request the validated request; its {@code toString()} is hashed to recognise a replay
   */
  public Started startOnce(String endpoint, String idempotencyKey, String caller, Object request,
      Supplier<Started> start) {
    return startOnce(endpoint, idempotencyKey, caller, request, () -> null, prepared -> start.get());
  }

  /**
   * As {@link #startOnce(String, String, String, Object, Supplier)}, with a step that runs before
   * the transaction, and only when the key has no answer yet: {@code prepare} reserves what must
   * not be held for the whole start (a case number), {@code start} gets it inside the transaction.
   */
  public <T> Started startOnce(String endpoint, String idempotencyKey, String caller, Object request,
      Supplier<T> prepare, Function<T, Started> start) {
    checkKey(idempotencyKey);
    String hash = hash(request);
    // a retry of an answered request reserves nothing; a twin racing past this check is caught by
    // the key's insert below (what it prepared then goes unused)
    if (idempotencyKey != null) {
      Optional<Started> earlier = replay(endpoint, idempotencyKey, caller, hash);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    T prepared = prepare.get();
    try {
      return transaction.execute(status -> {
        if (idempotencyKey != null) {
          Optional<Started> earlier = replay(endpoint, idempotencyKey, caller, hash);
          if (earlier.isPresent()) {
            return earlier.get();
          }
          // claims the key first: a concurrent twin waits here, then fails on the key
          jdbc.sql("INSERT INTO api_idempotency (idempotency_key, endpoint, caller, request_hash) VALUES (?, ?, ?, ?)")
              .params(idempotencyKey, endpoint, caller, hash).update();
        }
        Started started = start.apply(prepared);
        if (idempotencyKey != null) {
          jdbc.sql("UPDATE api_idempotency SET case_number = ? WHERE idempotency_key = ? AND endpoint = ? AND caller = ?")
              .params(started.caseNumber(), idempotencyKey, endpoint, caller).update();
        }
        return started;
      });
    } catch (DuplicateKeyException twin) {
      if (idempotencyKey == null) {
        throw twin;
      }
      return replay(endpoint, idempotencyKey, caller, hash).orElseThrow(() -> twin);
    }
  }

  private Optional<Started> replay(String endpoint, String idempotencyKey, String caller, String hash) {
    record Stored(String requestHash, String caseNumber, String processInstanceId) {}
    Optional<Stored> stored = jdbc.sql("""
            SELECT i.request_hash, i.case_number, f.process_instance_id
            FROM api_idempotency i LEFT JOIN case_file f ON f.case_number = i.case_number
            WHERE i.idempotency_key = ? AND i.endpoint = ? AND i.caller = ?""")
        .params(idempotencyKey, endpoint, caller).query(Stored.class).optional();
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    if (!stored.get().requestHash().equals(hash)) {
      throw new KeyReusedException(idempotencyKey);
    }
    return Optional.of(new Started(stored.get().caseNumber(), stored.get().processInstanceId(), true));
  }

  static String hash(Object request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
