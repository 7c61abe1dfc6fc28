package com.casedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProbeProcesses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox leaves the building: SMS to a local stub of the HTTP gateway (the JDK's HTTP server,
 * answering as each test scripts it: success, errors, time-outs), staff e-mails to a real SMTP
 * server (GreenMail). Other tests' queued messages are parked (due in 2999) so that each
 * dispatcher run here delivers this test's messages only.
 */
@CaseDeskIntegrationTest
class OutboxDeliveryIT {

  private static final int SMTP_PORT = freePort();
  private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private static final HttpServer GATEWAY = gateway();
  /** what the stub answers next: an HTTP status, or a negative number of milliseconds to stall */
  private static final ConcurrentLinkedQueue<Integer> ANSWERS = new ConcurrentLinkedQueue<>();
  private static final List<Map<String, String>> REQUESTS = Collections.synchronizedList(new ArrayList<>());

  static {
    SMTP.start();
    GATEWAY.start();
  }

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("casedesk.notification.sms.url", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/send");
    registry.add("casedesk.notification.sms.api-key", () -> "test-key");
    registry.add("casedesk.notification.sms.read-timeout", () -> "PT1S");
    registry.add("casedesk.notification.max-attempts", () -> "3");
  }

  @AfterAll
  static void stop() {
    SMTP.stop();
    GATEWAY.stop(0);
  }

  @Autowired OutboxDispatcher dispatcher;
  @Autowired NotificationOutbox outbox;
  @Autowired CaseNumbers caseNumbers;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void parkOtherMessages() throws Exception {
    jdbc.sql("UPDATE notification_outbox SET next_attempt_at = TIMESTAMP '2999-01-01 00:00:00' WHERE status = 'PENDING'").update();
    ANSWERS.clear();
    REQUESTS.clear();
    SMTP.purgeEmailFromAllMailboxes();
  }

  @Test
  void an_sms_reaches_the_gateway_once_with_the_outbox_id_as_its_idempotency_key() throws Exception {
    OutboxEntry sms = enqueueSms("reply", "13800000001", false);
    ANSWERS.add(200);
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    assertThat(dispatcher.dispatchOnce()).as("nothing is sent twice").isZero();
    assertThat(REQUESTS).hasSize(1);
    Map<String, String> request = REQUESTS.get(0);
    assertThat(request).containsEntry("authorization", "Bearer test-key").containsEntry("idempotency-key", "outbox-" + sms.id());
    JsonNode body = json.readTree(request.get("body"));
    assertThat(body.get("to").asText()).isEqualTo("13800000001");
    assertThat(body.get("text").asText()).isEqualTo(sms.body());
    assertThat(reload(sms).status()).isEqualTo(OutboxEntry.SENT);
  }

  @Test
  void a_gateway_error_is_retried_after_a_back_off_and_the_retry_carries_the_same_key() {
    OutboxEntry sms = enqueueSms("callback", "13800000002", false);
    ANSWERS.add(503);
    assertThat(dispatcher.dispatchOnce()).isZero();
    OutboxEntry failed = reload(sms);
    assertThat(failed.status()).isEqualTo(OutboxEntry.PENDING);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("503");
    assertThat(dispatcher.dispatchOnce()).as("not before its back-off").isZero();
    assertThat(REQUESTS).hasSize(1);

    makeDue(sms);
    ANSWERS.add(200);
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    assertThat(REQUESTS).extracting(r -> r.get("idempotency-key")).containsExactly("outbox-" + sms.id(), "outbox-" + sms.id());
    assertThat(reload(sms).status()).isEqualTo(OutboxEntry.SENT);
  }

  @Test
  void time_outs_are_failed_attempts_and_the_last_one_makes_a_dead_letter_an_administrator_can_retry() {
    OutboxEntry sms = enqueueSms("done", "13800000003", false);
    for (int attempt = 1; attempt <= 3; attempt++) {
      ANSWERS.add(-2000); // the gateway stalls beyond the 1 s read time-out
      makeDue(sms);
      assertThat(dispatcher.dispatchOnce()).isZero();
    }
    OutboxEntry dead = reload(sms);
    assertThat(dead.status()).isEqualTo(OutboxEntry.FAILED);
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.lastError()).contains("I/O error on POST");

    JsonNode listed = rest.withBasicAuth("admin", "admin").getForEntity("/api/admin/outbox?status=FAILED", JsonNode.class).getBody();
    assertThat(listed.get("messages").findValuesAsText("purpose")).contains("done");
    assertThat(rest.withBasicAuth("sz-frontdesk", "demo").getForEntity("/api/admin/outbox", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("admin", "admin").postForEntity("/api/admin/outbox/" + sms.id() + "/retry", null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    ANSWERS.add(200);
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    assertThat(reload(sms).status()).isEqualTo(OutboxEntry.SENT);
  }

  @Test
  void two_dispatchers_running_at_once_deliver_each_message_once() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(enqueueSms("bulk-" + i, "1380000" + String.format("%04d", i), false).id());
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(dispatcher::dispatchOnce);
      var second = pool.submit(dispatcher::dispatchOnce);
      int delivered = first.get() + second.get();
      while (delivered < ids.size()) {
        int more = dispatcher.dispatchOnce();
        assertThat(more).as("every message is delivered").isPositive();
        delivered += more;
      }
      assertThat(delivered).isEqualTo(ids.size());
    } finally {
      pool.shutdown();
    }
    assertThat(REQUESTS).extracting(r -> r.get("idempotency-key"))
        .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "outbox-" + id).toList());
  }

  @Test
  void a_drill_message_never_leaves_to_owners_or_staff() {
    OutboxEntry drill = enqueueSms("drill-notice", "13800000004", true);
    assertThat(drill.status()).isEqualTo(OutboxEntry.SUPPRESSED);
    NotificationOutbox.Enqueued staff = outbox.enqueue(new OutboundMessage(drill.caseNumber(), "drill-alert",
        OutboundMessage.RecipientKind.STAFF, "group:project-gm", OutboundMessage.Channel.INBOX, null, "【演练】群诉预警", "sz",
        null, true));
    assertThat(staff.status()).isEqualTo(OutboxEntry.SUPPRESSED);
    ANSWERS.add(200);
    assertThat(dispatcher.dispatchOnce()).isZero();
    assertThat(REQUESTS).isEmpty();
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(reload(drill).status()).isEqualTo(OutboxEntry.SUPPRESSED);
  }

  @Test
  void staff_of_the_company_are_emailed_about_escalations_to_their_group_unless_they_turned_alerts_off() throws Exception {
    String caseNumber = caseNumbers.issue(CaseType.COMPLAINT, "sz");
    outbox.enqueue(new OutboundMessage(caseNumber, "escalation-test", OutboundMessage.RecipientKind.STAFF,
        "group:project-gm", OutboundMessage.Channel.INBOX, null, "投诉" + caseNumber + "的处理已超过时限，请督办。", "sz", null, false));
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    // one e-mail, the staff in Bcc: GreenMail keeps a copy per recipient (and one for the sender's To)
    assertThat(recipients()).contains("sz-gm@casedesk.example").doesNotContain("sh-gm@casedesk.example");
    assertThat(SMTP.getReceivedMessages()[0].getContent().toString()).contains(caseNumber);

    SMTP.purgeEmailFromAllMailboxes();
    // the supervisor turns e-mail alerts off for themselves
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    assertThat(rest.withBasicAuth("sz-supervisor", "demo").exchange("/api/me/alerts", org.springframework.http.HttpMethod.PUT,
        new org.springframework.http.HttpEntity<>("{\"email\":false}", headers), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("sz-supervisor", "demo").getForObject("/api/me/alerts", String.class)).contains("\"email\":false");
    try {
      outbox.enqueue(new OutboundMessage(caseNumber, "escalation-test-2", OutboundMessage.RecipientKind.STAFF,
          "group:cs-supervisor", OutboundMessage.Channel.INBOX, null, "督办", "sz", null, false));
      assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
      assertThat(SMTP.getReceivedMessages()).as("nobody left to tell: delivered to no one").isEmpty();
    } finally {
      jdbc.sql("UPDATE staff_profile SET email_alerts = TRUE WHERE user_id = 'sz-supervisor'").update();
    }
  }

  @Test
  void a_staff_member_is_emailed_when_a_task_is_assigned_to_them() throws Exception {
    ProbeProcesses.deploy(repositoryService);
    String caseNumber = caseNumbers.issue(CaseType.COMPLAINT, "sz");
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProbeProcesses.TASK_PROCESS, caseNumber,
        Map.of("candidateGroup", "frontdesk", "companyCode", "sz"));
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    taskService.setAssignee(task.getId(), "sz-frontdesk");
    OutboxEntry alert = outbox.find(caseNumber, "assigned-" + task.getId(), "user:sz-frontdesk").orElseThrow();
    assertThat(alert.body()).contains("探针任务").contains(caseNumber);
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    assertThat(recipients()).containsExactly("sz-frontdesk@casedesk.example");
  }

  // ---------------------------------------------------------------- helpers

  /** The addresses GreenMail delivered to, but the sender's own (the To of a Bcc e-mail). */
  private static List<String> recipients() {
    List<String> addresses = new ArrayList<>();
    for (var user : SMTP.getUserManager().listUser()) {
      try {
        if (!user.getEmail().equals("casedesk@casedesk.example")
            && !SMTP.getManagers().getImapHostManager().getInbox(user).getMessages().isEmpty()) {
          addresses.add(user.getEmail());
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return addresses;
  }

  private OutboxEntry enqueueSms(String purpose, String phone, boolean drill) {
    String caseNumber = caseNumbers.issue(CaseType.COMPLAINT, "sz");
    outbox.enqueue(new OutboundMessage(caseNumber, purpose, OutboundMessage.RecipientKind.OWNER, phone,
        OutboundMessage.Channel.SMS, null, "尊敬的业主：您的投诉（编号" + caseNumber + "）已收到。", "sz", null, drill));
    return outbox.find(caseNumber, purpose, phone).orElseThrow();
  }

  private OutboxEntry reload(OutboxEntry entry) {
    return outbox.find(entry.caseNumber(), entry.purpose(), entry.recipient()).orElseThrow();
  }

  /** The back-off has passed (as if a minute went by). */
  private void makeDue(OutboxEntry entry) {
    jdbc.sql("UPDATE notification_outbox SET next_attempt_at = NULL WHERE id = ?").param(entry.id()).update();
  }

  private static HttpServer gateway() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/send", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(Map.of(
            "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
            "idempotency-key", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
            "body", body));
        Integer answer = ANSWERS.poll();
        int status = answer == null ? 200 : answer;
        if (status < 0) {
          try {
            Thread.sleep(-status);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          status = 200;
        }
        byte[] reply = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
          exchange.sendResponseHeaders(status, reply.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
          }
        } catch (IOException closedByClient) {
          // the client gave up waiting (time-out test)
        }
      });
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
