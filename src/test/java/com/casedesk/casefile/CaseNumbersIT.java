package com.casedesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.casedesk.calendar.WorkingTime;
import com.casedesk.support.CaseDeskIntegrationTest;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@CaseDeskIntegrationTest
class CaseNumbersIT {

  @Autowired CaseNumbers caseNumbers;
  @Autowired WorkingTime workingTime;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void numbers_run_per_type_and_day_in_the_office_time_zone() {
    String today = DateTimeFormatter.BASIC_ISO_DATE.format(workingTime.today());
    String first = caseNumbers.issue(CaseType.HANDOVER, "sz");
    String second = caseNumbers.issue(CaseType.HANDOVER, "sz");
    assertThat(first).matches("JF-" + today + "-\\d{4}");
    assertThat(sequence(second)).isEqualTo(sequence(first) + 1);
    assertThat(caseNumbers.issue(CaseType.COMPLAINT, "sh")).startsWith("TS-" + today + "-");
    assertThat(caseNumbers.exists(first)).isTrue();
  }

  @Test
  void concurrent_registrations_never_share_a_number_and_leave_no_gap() throws Exception {
    int threads = 4;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<String>>> jobs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        jobs.add(() -> {
          List<String> issued = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            issued.add(caseNumbers.issue(CaseType.REPAIR, "sz"));
          }
          return issued;
        });
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> result : pool.invokeAll(jobs)) {
        all.addAll(result.get());
      }
      Set<Integer> sequences = new TreeSet<>(all.stream().map(CaseNumbersIT::sequence).toList());
      assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates();
      int lowest = sequences.iterator().next();
      assertThat(sequences).hasSize(threads * perThread)
          .last().isEqualTo(lowest + threads * perThread - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void the_first_numbers_of_a_day_racing_each_other_start_the_day_at_one() throws Exception {
    // a day no other test (or earlier run on the same database) has numbered yet
    java.time.LocalDate day = java.time.LocalDate.of(2090, 1, 1).plusDays(new java.util.Random().nextInt(20_000));
    ClockUtil.setCurrentTime(java.util.Date.from(day.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
      List<Callable<String>> firsts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        firsts.add(() -> {
          start.await();
          return caseNumbers.issue(CaseType.MASS_COMPLAINT, "sz");
        });
      }
      List<Integer> sequences = new ArrayList<>();
      for (Future<String> result : pool.invokeAll(firsts)) {
        assertThat(result.get()).startsWith("QS-" + DateTimeFormatter.BASIC_ISO_DATE.format(day) + "-");
        sequences.add(sequence(result.get()));
      }
      assertThat(sequences).containsExactlyInAnyOrder(1, 2, 3, 4);
    } finally {
      pool.shutdownNow();
      ClockUtil.reset();
    }
  }

  @Test
  void a_number_reserved_for_an_intake_is_committed_at_once_and_registered_by_the_intake() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> reservations = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        reservations.add(() -> caseNumbers.reserve(CaseType.COMPLAINT));
      }
      List<String> reserved = new ArrayList<>();
      for (Future<String> number : pool.invokeAll(reservations)) {
        reserved.add(number.get());
      }
      Set<Integer> sequences = new TreeSet<>(reserved.stream().map(CaseNumbersIT::sequence).toList());
      assertThat(sequences).hasSize(20);
      assertThat(caseNumbers.issue(CaseType.COMPLAINT, "sz")).as("the counter moved on when each reservation committed")
          .satisfies(next -> assertThat(sequence(next)).isGreaterThan(((TreeSet<Integer>) sequences).last()));
      assertThat(caseNumbers.exists(reserved.get(0))).as("not a case until the intake registers it").isFalse();
      caseNumbers.register(reserved.get(0), "sz");
      assertThat(caseNumbers.exists(reserved.get(0))).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_number_cannot_be_reserved_inside_a_transaction() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> caseNumbers.reserve(CaseType.REPAIR)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before the transaction");
  }

  @Test
  void an_issued_number_cannot_be_registered_again() {
    String number = caseNumbers.issue(CaseType.MASS_COMPLAINT, "sz");
    assertThatThrownBy(() -> caseNumbers.register(number, "sz"))
        .isInstanceOf(DuplicateCaseNumberException.class)
        .hasMessageContaining(number + " already exists");
  }

  @Test
  void the_database_itself_refuses_a_duplicate_case_number() {
    String number = caseNumbers.issue(CaseType.COMPLAINT, "sz");
    assertThatThrownBy(() -> jdbc.sql("INSERT INTO case_file (case_number, case_type) VALUES (?, 'TS')")
        .param(number).update())
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void a_malformed_number_is_refused_with_an_example_of_the_format() {
    assertThatThrownBy(() -> caseNumbers.register("TS-2026-1", "sz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("like TS-20261122-0007");
    assertThatThrownBy(() -> caseNumbers.register("XX-20261122-0001", "sz"))
        .hasMessageContaining("Unknown case number prefix 'XX'");
  }

  @Test
  void a_case_is_linked_to_its_process_instance_once() {
    String number = caseNumbers.issue(CaseType.COMPLAINT, "sz");
    caseNumbers.attachProcessInstance(number, "pi-" + number);
    assertThat(caseNumbers.processInstanceOf(number)).contains("pi-" + number);
    assertThatThrownBy(() -> caseNumbers.attachProcessInstance("TS-19990101-0001", "pi-x"))
        .hasMessageContaining("was never issued");
  }

  private static int sequence(String caseNumber) {
    return Integer.parseInt(caseNumber.substring(caseNumber.lastIndexOf('-') + 1));
  }
}
