package com.casedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import com.casedesk.support.ProbeProcesses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CaseDeskIntegrationTest
class NotificationOutboxIT {

  @Autowired NotificationOutbox outbox;
  @Autowired CaseNumbers caseNumbers;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;

  @BeforeEach
  void deployProbes() {
    ProbeProcesses.deploy(repositoryService);
  }

  private OutboundMessage message(String caseNumber, String purpose, boolean drill) {
    return new OutboundMessage(caseNumber, purpose, OutboundMessage.RecipientKind.OWNER, "13800000001",
        OutboundMessage.Channel.SMS, null, "您的投诉已登记。", "sz", null, drill);
  }

  @Test
  void the_same_message_is_enqueued_once_however_often_it_is_sent() {
    String caseNumber = caseNumbers.issue(CaseType.COMPLAINT, "sz");
    NotificationOutbox.Enqueued first = outbox.enqueue(message(caseNumber, "registered", false));
    NotificationOutbox.Enqueued again = outbox.enqueue(message(caseNumber, "registered", false));
    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(outbox.forCase(caseNumber)).hasSize(1);
    // another purpose is another message
    assertThat(outbox.enqueue(message(caseNumber, "reply", false)).created()).isTrue();
    assertThat(outbox.forCase(caseNumber)).hasSize(2);
  }

  @Test
  void twins_racing_to_enqueue_leave_one_message_and_no_error() throws Exception {
    String caseNumber = caseNumbers.issue(CaseType.COMPLAINT, "sz");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> twins = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        twins.add(() -> outbox.enqueue(message(caseNumber, "race", false)).created());
      }
      int created = 0;
      for (Future<Boolean> result : pool.invokeAll(twins)) {
        created += result.get() ? 1 : 0;
      }
      assertThat(created).isEqualTo(1);
      assertThat(outbox.forCase(caseNumber)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_bpmn_step_that_runs_again_does_not_send_again() {
    String caseNumber = caseNumbers.issue(CaseType.COMPLAINT, "sz");
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProbeProcesses.NOTIFY_PROCESS, caseNumber,
        Map.of("companyCode", "sz", "ownerPhone", "13800000001"));
    assertThat(outbox.forCase(caseNumber)).as("enqueued only when the async step runs").isEmpty();
    executeJobs(instance);
    assertThat(outbox.forCase(caseNumber)).singleElement().satisfies(entry -> {
      assertThat(entry.status()).isEqualTo(OutboxEntry.PENDING);
      assertThat(entry.body()).isEqualTo("您的投诉 " + caseNumber + " 已登记，我们将在24小时内回复。");
      assertThat(entry.companyCode()).isEqualTo("sz");
      assertThat(entry.processInstanceId()).isEqualTo(instance.getId());
    });

    // the step runs a second time (as after a retry or a token moved back in Cockpit)
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity(ProbeProcesses.NOTIFY_ID).execute();
    executeJobs(instance);
    assertThat(outbox.forCase(caseNumber)).hasSize(1);
  }

  @Test
  void a_failing_step_enqueues_nothing_until_it_succeeds() {
    String caseNumber = caseNumbers.issue(CaseType.COMPLAINT, "sz");
    // no ownerPhone: the step fails, its transaction (and so its message) rolls back
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProbeProcesses.NOTIFY_PROCESS, caseNumber,
        Map.of("companyCode", "sz"));
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThatThrownBy(() -> ProcessTests.executeAsJobExecutor(managementService, identityService, job)).hasMessageContaining("ownerPhone");
    assertThat(outbox.forCase(caseNumber)).isEmpty();

    runtimeService.setVariable(instance.getId(), "ownerPhone", "13800000001");
    ProcessTests.executeAsJobExecutor(managementService, identityService, job);
    assertThat(outbox.forCase(caseNumber)).hasSize(1);
  }

  @Test
  void a_drill_never_messages_a_real_owner() {
    String caseNumber = caseNumbers.issue(CaseType.MASS_COMPLAINT, "sz");
    assertThat(outbox.enqueue(message(caseNumber, "drill-notice", true)).status())
        .isEqualTo(OutboxEntry.SUPPRESSED);
    assertThat(outbox.pending(1000)).noneMatch(entry -> entry.caseNumber().equals(caseNumber));
  }

  @Test
  void delivery_results_are_recorded_and_a_message_is_sent_once() {
    String caseNumber = caseNumbers.issue(CaseType.REPAIR, "sz");
    long id = outbox.enqueue(message(caseNumber, "callback", false)).id();
    assertThat(outbox.pending(1000)).anyMatch(entry -> entry.id() == id);
    outbox.markFailed(id, "gateway timeout", 3);
    assertThat(outbox.find(caseNumber, "callback", "13800000001").orElseThrow())
        .satisfies(e -> assertThat(e.status()).isEqualTo(OutboxEntry.PENDING))
        .satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(outbox.markSent(id)).isTrue();
    assertThat(outbox.markSent(id)).as("second delivery report changes nothing").isFalse();
    assertThat(outbox.pending(1000)).noneMatch(entry -> entry.id() == id);
  }

  @Test
  void incomplete_messages_are_refused_with_the_missing_field() {
    assertThatThrownBy(() -> new OutboundMessage("TS-20261122-0001", "reply", OutboundMessage.RecipientKind.OWNER,
        " ", OutboundMessage.Channel.SMS, null, "x", "sz", null, false))
        .hasMessage("recipient is required");
  }

  private void executeJobs(ProcessInstance instance) {
    for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).list()) {
      ProcessTests.executeAsJobExecutor(managementService, identityService, job);
    }
  }
}
