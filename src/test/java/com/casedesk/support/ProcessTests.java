package com.casedesk.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** Engine clock and job helpers for process tests: times are Shanghai office times. */
public final class ProcessTests {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private ProcessTests() {}

  /** Moves the engine clock (timers, now(), deadlines) to this Shanghai time. */
  public static void setClock(LocalDateTime shanghaiTime) {
    ClockUtil.setCurrentTime(at(shanghaiTime));
  }

  public static void resetClock() {
    ClockUtil.reset();
  }

  public static Date at(LocalDateTime shanghaiTime) {
    return Date.from(shanghaiTime.atZone(SHANGHAI).toInstant());
  }

  /** Executes every job of the instance that is due by the engine clock, until none is left. */
  public static void runDueJobs(ManagementService managementService, IdentityService identityService,
      String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> executeAsJobExecutor(managementService, identityService, job));
    }
    throw new AssertionError("jobs keep coming for process instance " + processInstanceId);
  }

  /**
   * Executes a job as the job executor would: with an authentication that names the job's tenant
   * and no user (ManagementService.executeJob alone runs it with no authentication at all).
   */
  public static void executeAsJobExecutor(ManagementService managementService, IdentityService identityService, Job job) {
    if (job.getTenantId() != null) {
      identityService.setAuthentication(null, null, List.of(job.getTenantId()));
    }
    try {
      managementService.executeJob(job.getId());
    } finally {
      identityService.clearAuthentication();
    }
  }
}
