package com.casedesk.casefile;

import com.casedesk.calendar.WorkingTime;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues human-readable case numbers, {@code <prefix>-<yyyyMMdd>-<nnnn>} per case type and day
 * (e.g. {@code TS-20261122-0007}). Every number is registered in {@code case_file}, whose primary
 * key makes a second case with the same number impossible.
 *
 * <p>{@link #issue} takes the number in the caller's transaction: the day's counter row stays
 * locked until that transaction ends, so numbers have no gaps but concurrent callers queue on the
 * row. The API intakes, where owners' requests arrive concurrently, {@link #reserve} the number in
 * a short transaction of its own before theirs: at 50 intakes a second, 17 of the 20 pooled
 * connections were waiting on the counter row otherwise (bench/intake.py, docs/performance.md).
 * A reserved number whose intake then fails is never used: such numbers leave a gap.
 */
@Service
public class CaseNumbers {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final Pattern FORMAT = Pattern.compile("^([A-Z]{2})-(\\d{8})-(\\d{4,})$");

  private final JdbcClient jdbc;
  private final WorkingTime workingTime;
  private final TransactionTemplate savepoint;
  private final TransactionTemplate ownTransaction;

  CaseNumbers(JdbcClient jdbc, WorkingTime workingTime, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.workingTime = workingTime;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.ownTransaction = new TransactionTemplate(transactionManager);
  }

  /**
   * Takes the next number of the type for today in a transaction of its own, committed before this
   * returns; {@link #register} it in the transaction that opens the case. Called outside any
   * transaction only: a caller holding a pooled connection while asking for a second one could
   * exhaust the pool.
   */
  public String reserve(CaseType type) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("reserve a case number before the transaction that opens the case, not inside it");
    }
    LocalDate day = workingTime.today();
    Integer sequence = ownTransaction.execute(status -> nextSequence(type, day));
    return format(type, day, sequence);
  }

  /** Issues and registers the next number of the type for today (office time zone). */
  @Transactional(propagation = Propagation.REQUIRED)
  public String issue(CaseType type, String companyCode) {
    LocalDate day = workingTime.today();
    int sequence = nextSequence(type, day);
    String caseNumber = format(type, day, sequence);
    insert(caseNumber, type, companyCode);
    return caseNumber;
  }

  /**
   * Registers a number issued elsewhere (e.g. a business key chosen by a caller).
   *
   * @throws DuplicateCaseNumberException if the number exists
   * @throws IllegalArgumentException if it is not a case number
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void register(String caseNumber, String companyCode) {
    CaseType type = typeOf(caseNumber);
    if (exists(caseNumber)) {
      throw new DuplicateCaseNumberException(caseNumber);
    }
    insert(caseNumber, type, companyCode);
  }

  /**
   * Links the case number to the process instance that handles it.
   *
   * @throws DuplicateCaseNumberException if another instance already handles this case number
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void attachProcessInstance(String caseNumber, String processInstanceId) {
    int updated = jdbc.sql("""
            UPDATE case_file SET process_instance_id = ?
            WHERE case_number = ? AND (process_instance_id IS NULL OR process_instance_id = ?)""")
        .params(processInstanceId, caseNumber, processInstanceId).update();
    if (updated != 1) {
      if (exists(caseNumber)) {
        throw new DuplicateCaseNumberException(caseNumber);
      }
      throw new IllegalStateException("Case number " + caseNumber + " was never issued");
    }
  }

  /**
   * The case number of the process instance that is registering a case: the business key it was
   * started with (issued by an API, or typed by a caller, and then registered here), or a number
   * issued now and made its business key. Links the number to the instance.
   *
   * @throws DuplicateCaseNumberException if another instance already handles the number
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public String openCase(DelegateExecution execution, CaseType type, String companyCode) {
    String caseNumber = execution.getProcessBusinessKey();
    if (caseNumber == null || caseNumber.isBlank()) {
      caseNumber = issue(type, companyCode);
      execution.setProcessBusinessKey(caseNumber);
    } else if (!exists(caseNumber)) {
      if (typeOf(caseNumber) != type) {
        throw new IllegalArgumentException("Case number " + caseNumber + " is not a " + type + " number (" + type.prefix() + "-…)");
      }
      register(caseNumber, companyCode);
    }
    attachProcessInstance(caseNumber, execution.getProcessInstanceId());
    return caseNumber;
  }

  public boolean exists(String caseNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM case_file WHERE case_number = ?")
        .param(caseNumber).query(Integer.class).single() > 0;
  }

  public Optional<String> processInstanceOf(String caseNumber) {
    return jdbc.sql("SELECT process_instance_id FROM case_file WHERE case_number = ?")
        .param(caseNumber).query(String.class).optional();
  }

  /** The case type a well-formed case number stands for. */
  public static CaseType typeOf(String caseNumber) {
    Matcher matcher = FORMAT.matcher(caseNumber == null ? "" : caseNumber);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + caseNumber + "' is not a case number like TS-20261122-0007");
    }
    return CaseType.ofPrefix(matcher.group(1));
  }

  static String format(CaseType type, LocalDate day, int sequence) {
    return String.format("%s-%s-%04d", type.prefix(), DAY.format(day), sequence);
  }

  private int nextSequence(CaseType type, LocalDate day) {
    if (increment(type, day) == 0) {
      // the first number of a day creates its counter row; two first numbers racing: one insert
      // waits for the other and then fails on the key, rolled back to a savepoint so that the
      // surrounding (engine) transaction goes on and takes the row the other one made
      try {
        savepoint.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO case_number_counter (case_type, case_day, last_value)
                SELECT ?, ?, 0 FROM (VALUES (1)) AS one (x)
                WHERE NOT EXISTS (SELECT 1 FROM case_number_counter WHERE case_type = ? AND case_day = ?)""")
            .params(type.prefix(), day, type.prefix(), day).update());
      } catch (DuplicateKeyException raced) {
        // the other transaction made the row: use it
      }
      increment(type, day);
    }
    return jdbc.sql("SELECT last_value FROM case_number_counter WHERE case_type = ? AND case_day = ?")
        .params(type.prefix(), day).query(Integer.class).single();
  }

  /** Counts one more number on the day's row (locked until the transaction ends); 0 if the day has no row yet. */
  private int increment(CaseType type, LocalDate day) {
    return jdbc.sql("UPDATE case_number_counter SET last_value = last_value + 1 WHERE case_type = ? AND case_day = ?")
        .params(type.prefix(), day).update();
  }

  private void insert(String caseNumber, CaseType type, String companyCode) {
    try {
      jdbc.sql("INSERT INTO case_file (case_number, case_type, company_code) VALUES (?, ?, ?)")
          .params(caseNumber, type.prefix(), companyCode).update();
    } catch (DuplicateKeyException e) {
      throw new DuplicateCaseNumberException(caseNumber);
    }
  }
}
