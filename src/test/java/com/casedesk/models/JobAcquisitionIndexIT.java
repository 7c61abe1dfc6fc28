package com.casedesk.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.casedesk.support.CaseDeskIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On PostgreSQL, the job acquisition's check for an exclusive job in progress reads CaseDesk's
 * partial index of locked jobs ({@code db/engine/postgresql/job-acquisition-locked.sql}) instead of
 * the whole job table. Twenty thousand timers, a quarter of them due, are written and analysed in a transaction that is
 * rolled back, and the plan of the engine's acquisition query (as Camunda 7.24 sends it with
 * timers first by due date, values inlined) must name the index.
 */
@CaseDeskIntegrationTest
class JobAcquisitionIndexIT {

  /** Camunda 7.24's selectNextJobsToExecute on PostgreSQL, timers first by due date. */
  private static final String ACQUISITION = """
      EXPLAIN select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES
      where (RES.RETRIES_ > 0) and (RES.DUEDATE_ is null or RES.DUEDATE_ <= localtimestamp)
        and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < localtimestamp) and RES.SUSPENSION_STATE_ = 1
        and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2
                where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
                  and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= localtimestamp)))
             or RES.EXCLUSIVE_ = false)
      order by RES.TYPE_ desc, RES.DUEDATE_ asc LIMIT 8 OFFSET 0""";

  @Autowired DataSource dataSource;

  @Test
  void the_acquisition_finds_jobs_in_progress_through_the_partial_index() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "PostgreSQL only");
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("""
            INSERT INTO act_ru_job (id_, rev_, type_, duedate_, retries_, suspension_state_, exclusive_,
                process_instance_id_, handler_type_, priority_, sequence_counter_)
            SELECT 'acq-probe-' || n, 1, 'timer', localtimestamp + ((n - 5000) || ' minutes')::interval, 3, 1, true,
                'acq-probe-pi-' || n, 'timer-transition', 0, 1
            FROM generate_series(1, 20000) AS n""");
        statement.execute("ANALYZE act_ru_job");
        List<String> plan = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(ACQUISITION)) {
          while (rows.next()) {
            plan.add(rows.getString(1));
          }
        }
        assertThat(String.join("\n", plan)).contains("casedesk_job_locked");
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }
}
