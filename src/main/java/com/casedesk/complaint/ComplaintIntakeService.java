package com.casedesk.complaint;

import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.directory.Directory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers complaints that arrive through the API: checks them, claims the Idempotency-Key,
 * issues the case number and starts complaint-handling, all in one transaction.
 */
@Service
class ComplaintIntakeService {

  static final String ENDPOINT = "POST /api/complaints";

  private final ComplaintIntakeValidator validator;
  private final CaseNumbers caseNumbers;
  private final Directory directory;
  private final RuntimeService runtimeService;
  private final JdbcClient jdbc;

  ComplaintIntakeService(ComplaintIntakeValidator validator, CaseNumbers caseNumbers, Directory directory,
      RuntimeService runtimeService, JdbcClient jdbc) {
    this.validator = validator;
    this.caseNumbers = caseNumbers;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.jdbc = jdbc;
  }

  record Registered(String caseNumber, String processInstanceId, boolean replayed) {}

  /** A key used again with another request: refused, since the first request's answer stands. */
  static class IdempotencyKeyReusedException extends RuntimeException {
    IdempotencyKeyReusedException(String key) {
      super("Idempotency-Key '" + key + "' was already used for a different complaint");
    }
  }

  @Transactional
  Registered register(ComplaintIntakeRequest request, String idempotencyKey, String caller) {
    Map<String, Object> variables = request.toVariables();
    List<InvalidComplaintException.FieldError> errors = validator.validate(variables);
    if (!errors.isEmpty()) {
      throw new InvalidComplaintException(errors);
    }
    String hash = hash(request);
    if (idempotencyKey != null) {
      Optional<Registered> earlier = replay(idempotencyKey, caller, hash);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      // claims the key first: a concurrent twin waits here, then fails on the key and is answered by replay()
      jdbc.sql("INSERT INTO api_idempotency (idempotency_key, endpoint, caller, request_hash) VALUES (?, ?, ?, ?)")
          .params(idempotencyKey, ENDPOINT, caller, hash).update();
    }
    String company = (request.unitCode() != null && !request.unitCode().isBlank()
        ? directory.companyOfUnit(request.unitCode()) : directory.companyOfProject(request.projectCode())).orElseThrow();
    String caseNumber = caseNumbers.issue(CaseType.COMPLAINT, company);
    String processInstanceId = runtimeService.createProcessInstanceByKey(ComplaintProcess.PROCESS_KEY)
        .businessKey(caseNumber)
        .setVariables(variables)
        .execute()
        .getId();
    if (idempotencyKey != null) {
      jdbc.sql("UPDATE api_idempotency SET case_number = ? WHERE idempotency_key = ? AND endpoint = ? AND caller = ?")
          .params(caseNumber, idempotencyKey, ENDPOINT, caller).update();
    }
    return new Registered(caseNumber, processInstanceId, false);
  }

  /** The complaint an earlier request with this key created, if any. */
  Optional<Registered> replay(String idempotencyKey, String caller, String hash) {
    record Stored(String requestHash, String caseNumber) {}
    Optional<Stored> stored = jdbc.sql("""
            SELECT request_hash, case_number FROM api_idempotency
            WHERE idempotency_key = ? AND endpoint = ? AND caller = ?""")
        .params(idempotencyKey, ENDPOINT, caller).query(Stored.class).optional();
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    if (!stored.get().requestHash().equals(hash)) {
      throw new IdempotencyKeyReusedException(idempotencyKey);
    }
    String caseNumber = stored.get().caseNumber();
    return Optional.of(new Registered(caseNumber, caseNumbers.processInstanceOf(caseNumber).orElse(null), true));
  }

  static String hash(ComplaintIntakeRequest request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
