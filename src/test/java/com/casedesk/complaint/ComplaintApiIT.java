package com.casedesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** POST /api/complaints: the owner app's door, its bad inputs and its idempotency. */
@CaseDeskIntegrationTest
class ComplaintApiIT {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ComplaintCases cases;

  private Map<String, Object> complaint() {
    Map<String, Object> body = new HashMap<>();
    body.put("channel", "app");
    body.put("unitCode", "sh-jyhf-03-0602");
    body.put("contactName", "杨帆");
    body.put("contactPhone", "13900000006");
    body.put("category", "property");
    body.put("subcategory", "cleaning");
    body.put("description", "电梯厅连续三天没有清洁");
    return body;
  }

  private ResponseEntity<Map> post(Object body, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return rest.withBasicAuth("owner-app", "demo").postForEntity("/api/complaints", new HttpEntity<>(body, headers), Map.class);
  }

  private long complaintsInProcess() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY).count();
  }

  @Test
  void a_complaint_from_the_app_starts_handling_in_its_company_for_the_front_desk_to_claim() {
    ResponseEntity<Map> created = post(complaint(), null);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = (String) created.getBody().get("caseNumber");
    assertThat(caseNumber).startsWith("TS-");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/complaints/" + caseNumber);

    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(instance.getTenantId()).isEqualTo("sh");
    for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
      ProcessTests.executeAsJobExecutor(managementService, identityService, job);
    }
    Task reply = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(ComplaintProcess.Element.REPLY).singleResult();
    assertThat(reply.getAssignee()).as("nobody owns it until the front desk claims it").isNull();
    assertThat(cases.find(caseNumber).orElseThrow())
        .satisfies(c -> assertThat(c.firstContactOwner()).isNull())
        .satisfies(c -> assertThat(c.registeredBy()).isEqualTo("owner-app"))
        .satisfies(c -> assertThat(c.ownerId()).isNotNull());
  }

  @Test
  void missing_and_malformed_fields_get_a_problem_naming_each_field_and_nothing_starts() {
    long before = complaintsInProcess();
    Map<String, Object> body = complaint();
    body.remove("contactName");
    body.put("contactPhone", "abc");
    body.put("channel", "fax");
    ResponseEntity<Map> answer = post(body, null);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(fields(answer)).containsExactlyInAnyOrder("contactName", "contactPhone", "channel");
    assertThat(complaintsInProcess()).isEqualTo(before);
  }

  @Test
  void an_unknown_unit_is_named_in_the_problem() {
    Map<String, Object> body = complaint();
    body.put("unitCode", "sh-nowhere-99");
    ResponseEntity<Map> answer = post(body, null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(answer)).containsExactly("unitCode");
  }

  @Test
  void a_one_megabyte_description_is_refused() {
    Map<String, Object> body = complaint();
    body.put("description", "漏".repeat(1024 * 1024));
    long before = complaintsInProcess();
    ResponseEntity<Map> answer = post(body, null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(answer)).containsExactly("description");
    assertThat(complaintsInProcess()).isEqualTo(before);
  }

  @Test
  void script_tags_are_refused() {
    Map<String, Object> body = complaint();
    body.put("description", "<img src=x onerror=alert(1)>");
    body.put("contactName", "<script>x</script>");
    ResponseEntity<Map> answer = post(body, null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(answer)).containsExactlyInAnyOrder("description", "contactName");
  }

  @Test
  void a_body_that_is_not_json_is_a_400_problem() {
    ResponseEntity<Map> answer = post("{\"channel\": \"app\", ", null);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsKey("detail");
  }

  @Test
  void without_credentials_the_api_answers_401() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(rest.postForEntity("/api/complaints", new HttpEntity<>(complaint(), headers), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void a_replayed_idempotency_key_returns_the_first_complaint_instead_of_a_second() {
    String key = UUID.randomUUID().toString();
    ResponseEntity<Map> first = post(complaint(), key);
    long after = complaintsInProcess();
    ResponseEntity<Map> again = post(complaint(), key);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("caseNumber", first.getBody().get("caseNumber")).containsEntry("replayed", true);
    assertThat(complaintsInProcess()).isEqualTo(after);
  }

  @Test
  void the_same_key_with_another_complaint_is_refused() {
    String key = UUID.randomUUID().toString();
    post(complaint(), key);
    Map<String, Object> other = complaint();
    other.put("description", "另一件事");
    ResponseEntity<Map> answer = post(other, key);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
  }

  @Test
  void concurrent_retries_with_one_key_create_one_complaint() throws Exception {
    String key = UUID.randomUUID().toString();
    long before = complaintsInProcess();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<ResponseEntity<Map>>> retries = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        retries.add(() -> post(complaint(), key));
      }
      List<Object> caseNumbers = new ArrayList<>();
      for (Future<ResponseEntity<Map>> answer : pool.invokeAll(retries)) {
        assertThat(answer.get().getStatusCode().is2xxSuccessful()).as(String.valueOf(answer.get())).isTrue();
        caseNumbers.add(answer.get().getBody().get("caseNumber"));
      }
      assertThat(caseNumbers).containsOnly(caseNumbers.get(0));
      assertThat(complaintsInProcess()).isEqualTo(before + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> fields(ResponseEntity<Map> problem) {
    return ((List<Map<String, String>>) problem.getBody().get("errors")).stream().map(e -> e.get("field")).toList();
  }
}
