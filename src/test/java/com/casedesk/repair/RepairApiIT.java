package com.casedesk.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** POST /api/repairs: the owner app's door into home repair, its bad inputs and its idempotency. */
@CaseDeskIntegrationTest
class RepairApiIT {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired RepairOrders orders;

  private Map<String, Object> repair() {
    Map<String, Object> body = new HashMap<>();
    body.put("channel", "app");
    body.put("locationType", "in-home");
    body.put("unitCode", "sh-jyhf-03-0602");
    body.put("category", "door-window");
    body.put("urgency", "normal");
    body.put("preferredTime", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(2).truncatedTo(ChronoUnit.HOURS).toString());
    body.put("contactName", "杨帆");
    body.put("contactPhone", "13900000006");
    body.put("description", "入户门锁芯卡住，钥匙拧不动");
    return body;
  }

  private ResponseEntity<Map> post(Object body, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return rest.withBasicAuth("owner-app", "demo").postForEntity("/api/repairs", new HttpEntity<>(body, headers), Map.class);
  }

  private long repairsInProcess() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(RepairProcess.PROCESS_KEY).count();
  }

  @Test
  void a_repair_from_the_app_is_registered_in_its_company_and_waits_for_dispatch() {
    ResponseEntity<Map> created = post(repair(), null);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = (String) created.getBody().get("caseNumber");
    assertThat(caseNumber).startsWith("BX-");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/repairs/" + caseNumber);

    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(instance.getTenantId()).isEqualTo("sh");
    for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
      ProcessTests.executeAsJobExecutor(managementService, identityService, job);
    }
    Task dispatch = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(RepairProcess.Element.DISPATCH).singleResult();
    assertThat(dispatch).isNotNull();
    RepairOrder order = orders.find(caseNumber).orElseThrow();
    assertThat(order.registeredBy()).isEqualTo("owner-app");
    assertThat(order.preferredTime()).isNotNull();
    assertThat(order.onSiteDue()).as("booked time + 30 minutes").isEqualTo(order.preferredTime().plusMinutes(30));
  }

  @Test
  void missing_and_malformed_fields_get_a_problem_naming_each_field_and_nothing_starts() {
    long before = repairsInProcess();
    Map<String, Object> body = repair();
    body.remove("category");
    body.put("urgency", "asap");
    body.put("contactPhone", "电话");
    body.put("preferredTime", "next week");
    ResponseEntity<Map> answer = post(body, null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(answer.getBody().get("title")).isEqualTo("报修信息有误");
    assertThat((List<Map<String, String>>) answer.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactlyInAnyOrder("category", "urgency", "contactPhone", "preferredTime");
    assertThat(repairsInProcess()).isEqualTo(before);
  }

  @Test
  void an_in_home_repair_of_a_unit_that_does_not_exist_is_refused() {
    Map<String, Object> body = repair();
    body.put("unitCode", "sh-jyhf-99-9999");
    ResponseEntity<Map> answer = post(body, null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("detail").toString()).contains("房号不存在");
  }

  @Test
  void a_body_that_is_not_json_is_a_400_problem() {
    ResponseEntity<Map> answer = post("{not json", null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsKey("detail");
  }

  @Test
  void without_credentials_the_api_answers_401() {
    ResponseEntity<String> answer = rest.postForEntity("/api/repairs", repair(), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void a_replayed_idempotency_key_returns_the_first_repair_instead_of_a_second() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = repair();
    ResponseEntity<Map> first = post(body, key);
    long after = repairsInProcess();
    ResponseEntity<Map> again = post(body, key);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("caseNumber")).isEqualTo(first.getBody().get("caseNumber"));
    assertThat(again.getBody().get("replayed")).isEqualTo(true);
    assertThat(repairsInProcess()).isEqualTo(after);
  }

  @Test
  void the_same_key_with_another_repair_is_refused_and_a_key_is_per_endpoint() {
    String key = UUID.randomUUID().toString();
    assertThat(post(repair(), key).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> other = repair();
    other.put("description", "另一件事：阳台门关不上");
    ResponseEntity<Map> answer = post(other, key);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
  }
}
