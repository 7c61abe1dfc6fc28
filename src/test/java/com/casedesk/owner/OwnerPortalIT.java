package com.casedesk.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProcessTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The owners' public endpoints with no login: submissions need the phone on file, tracking needs
 * number and phone and answers a wrong pair exactly like an unknown number, and hostile requests
 * (malformed JSON, wrong content types, oversized bodies, markup and injection strings, floods)
 * get a 4xx and start nothing.
 */
@CaseDeskIntegrationTest
@TestPropertySource(properties = "casedesk.owner.requests-per-minute=1000")
class OwnerPortalIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void an_owner_submits_with_the_phone_on_file_and_tracks_the_case_with_number_and_phone() throws Exception {
    HttpResponse<String> submitted = post("/owner/api/complaints", """
        {"unitCode":"sh-jyhf-03-0602","contactName":"杨帆","contactPhone":"13900000006","category":"property",
         "description":"小区门口垃圾桶满溢"}""", UUID.randomUUID().toString());
    assertThat(submitted.statusCode()).isEqualTo(200);
    String caseNumber = submitted.body().replaceAll(".*\"caseNumber\":\"(TS-[0-9-]+)\".*", "$1");
    assertThat(caseNumber).matches("TS-\\d{8}-\\d{4}");
    assertThat(submitted.body()).contains("24 小时内答复");

    // classification and deadlines run in the job after registration
    ProcessTests.runDueJobs(managementService, identityService,
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId());
    HttpResponse<String> tracked = post("/owner/api/track", "{\"caseNumber\":\"" + caseNumber + "\",\"phone\":\"13900000006\"}", null);
    assertThat(tracked.statusCode()).isEqualTo(200);
    assertThat(tracked.body()).contains(caseNumber).contains("已登记").contains("答复期限");

    HttpResponse<String> wrongPhone = post("/owner/api/track", "{\"caseNumber\":\"" + caseNumber + "\",\"phone\":\"13900000007\"}", null);
    HttpResponse<String> unknown = post("/owner/api/track", "{\"caseNumber\":\"TS-20991231-9999\",\"phone\":\"13900000006\"}", null);
    assertThat(wrongPhone.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(strip(wrongPhone.body())).as("a wrong pair and an unknown number look the same").isEqualTo(strip(unknown.body()));
  }

  @Test
  void an_owner_rates_the_service_after_the_callback_and_not_before() throws Exception {
    HttpResponse<String> submitted = post("/owner/api/complaints", """
        {"unitCode":"sh-jyhf-05-1101","contactName":"赵敏","contactPhone":"13900000007","category":"property",
         "description":"车库照明不足"}""", UUID.randomUUID().toString());
    String caseNumber = submitted.body().replaceAll(".*\"caseNumber\":\"(TS-[0-9-]+)\".*", "$1");
    String rating = "{\"caseNumber\":\"" + caseNumber + "\",\"phone\":\"13900000007\",\"score\":4,\"comment\":\"处理及时\"}";
    assertThat(post("/owner/api/rate", rating, null).statusCode()).as("before the callback").isEqualTo(409);

    String id = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    ProcessTests.runDueJobs(managementService, identityService, id);
    taskService.complete(taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey("UserTask_ReplyToOwner")
        .singleResult().getId(), Map.of("replyText", "已安排电工"));
    ProcessTests.runDueJobs(managementService, identityService, id);
    taskService.complete(taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey("UserTask_HandleComplaint")
        .singleResult().getId(), Map.of("handlingResult", "已加装灯具"));
    taskService.complete(taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey("UserTask_CallbackOwner")
        .singleResult().getId(), Map.of("ownerSatisfied", true, "satisfaction", 5));
    ProcessTests.runDueJobs(managementService, identityService, id);

    HttpResponse<String> tracked = post("/owner/api/track", "{\"caseNumber\":\"" + caseNumber + "\",\"phone\":\"13900000007\"}", null);
    assertThat(tracked.body()).contains("\"canRate\":true").contains("已回访并办结");
    assertThat(post("/owner/api/rate", rating.replace("\"score\":4", "\"score\":9"), null).statusCode()).isEqualTo(400);
    HttpResponse<String> rated = post("/owner/api/rate", rating, null);
    assertThat(rated.statusCode()).isEqualTo(200);
    assertThat(rated.body()).contains("\"rating\":4").contains("\"canRate\":false");
    assertThat(post("/owner/api/rate", rating.replace("13900000007", "13900000008"), null).statusCode())
        .as("not someone else's case").isEqualTo(404);
  }

  @Test
  void someone_without_the_phone_on_file_cannot_open_a_case_for_the_unit() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    HttpResponse<String> refused = post("/owner/api/repairs", """
        {"unitCode":"sh-jyhf-03-0602","contactName":"路人","contactPhone":"13912345678","category":"water",
         "urgency":"urgent","description":"水管爆裂"}""", UUID.randomUUID().toString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("contactPhone");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void hostile_requests_get_a_4xx_and_start_nothing() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    String valid = "{\"unitCode\":\"sh-jyhf-03-0602\",\"contactName\":\"杨帆\",\"contactPhone\":\"13900000006\","
        + "\"category\":\"property\",\"description\":\"%s\"}";
    List<String> bodies = List.of(
        "", "{", "[]", "null", "\"text\"", "{\"unitCode\":", "{\"unitCode\":1e999999}",
        String.format(valid, "<script>alert(1)</script>"),
        String.format(valid, "<img src=x onerror=alert(1)>"),
        String.format(valid, "javascript:alert(1)"),
        "{\"unitCode\":\"' OR '1'='1\",\"contactName\":\"x\",\"contactPhone\":\"13900000006\",\"category\":\"property\",\"description\":\"x\"}",
        "{\"unitCode\":\"sh-jyhf-03-0602\",\"contactName\":\"x\",\"contactPhone\":\"13900000006\",\"category\":\"${7*7}\",\"description\":\"x\"}",
        "{\"unitCode\":\"sh-jyhf-03-0602\",\"contactName\":\"x\",\"contactPhone\":\"#{7*7}\",\"category\":\"property\",\"description\":\"x\"}",
        "{\"unitCode\":null,\"contactPhone\":null}",
        "{\"unitCode\":[\"a\"],\"contactPhone\":{\"x\":1}}");
    for (String body : bodies) {
      for (String path : List.of("/owner/api/complaints", "/owner/api/repairs", "/owner/api/track")) {
        HttpResponse<String> response = post(path, body, UUID.randomUUID().toString());
        assertThat(response.statusCode()).as(path + " " + body).isBetween(400, 499);
        assertThat(response.body()).as("no stack trace leaks").doesNotContain("Exception").doesNotContain("at com.");
      }
    }
    // and generated garbage: random characters, JSON fragments and control bytes
    java.util.Random random = new java.util.Random(20261126L);
    String alphabet = "{}[]\":,\\ nulltruefalse0123456789-+.eE<>'/%$#@!~`^&*()=;?\u0000\u0007\u200b渗漏投诉😀";
    for (int i = 0; i < 300; i++) {
      StringBuilder garbage = new StringBuilder();
      int length = random.nextInt(200);
      for (int c = 0; c < length; c++) {
        garbage.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String path = List.of("/owner/api/complaints", "/owner/api/repairs", "/owner/api/track", "/owner/api/rate",
          "/owner/api/defects/confirm").get(i % 5);
      HttpResponse<String> response = post(path, garbage.toString(), UUID.randomUUID().toString());
      assertThat(response.statusCode()).as(path + " " + garbage).isBetween(400, 499);
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }
    HttpResponse<String> wrongType = http.send(HttpRequest.newBuilder(uri("/owner/api/complaints"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrongType.statusCode()).isEqualTo(415);
    HttpResponse<String> huge = post("/owner/api/complaints", String.format(valid, "渗".repeat(20_000)), null);
    assertThat(huge.statusCode()).as("over the body limit").isEqualTo(413);
    assertThat(runtimeService.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);
  }

  private HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** Without the parts that differ by request (time, path). */
  private static String strip(String body) {
    return body.replaceAll("\"(timestamp|instance|path)\":\"[^\"]*\",?", "");
  }
}
