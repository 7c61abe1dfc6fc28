package com.casedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.WebappSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Thousands of generated malformed, oversized and injection inputs (jqwik generators, fixed seed)
 * against every public endpoint: the owners' page API (anonymous), the channel APIs (HTTP Basic),
 * the SLA report resources (Cockpit session) and the engine's task query. Every answer is a 4xx
 * (a report or task query that happens to be well-formed may answer 200), never a 5xx, never a
 * stack trace; no case is started.
 */
@CaseDeskIntegrationTest
@TestPropertySource(properties = "casedesk.owner.requests-per-minute=1000000")
class HostileInputFuzzIT {

  private static final long SEED = 20261126L;
  private static final int PER_ENDPOINT = 600;

  @LocalServerPort int port;
  @Autowired HistoryService historyService;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  /** A hostile value: injections, expressions, markup, control characters, huge or wrongly typed. */
  private static Arbitrary<Object> hostileValue() {
    Arbitrary<Object> injections = Arbitraries.of(
        "' OR '1'='1", "'; DROP TABLE complaint_case; --", "${7*7}", "#{7*7}", "${identityService.newUser('x')}",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "../../etc/passwd",
        "%00", "\u0000", "\u202e", "=HYPERLINK(\"http://x\")", "{{constructor.constructor('alert(1)')()}}",
        "\"}]}", "\\", "null", "NaN", "-1", "99999999999999999999999", "1e309", "2026-13-45", "TS-00000000-0000")
        .map(value -> (Object) value);
    Arbitrary<Object> text = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(300).map(value -> (Object) value);
    Arbitrary<Object> huge = Arbitraries.strings().withChars("渗漏投诉aA1<>'\"${}").ofMinLength(5_000).ofMaxLength(20_000)
        .map(value -> (Object) value);
    Arbitrary<Object> numbers = Arbitraries.longs().withDistribution(RandomDistribution.uniform()).map(value -> (Object) value);
    Arbitrary<Object> odd = Arbitraries.of(true, false, List.of(), List.of("a", 1), Map.of("x", Map.of("y", List.of())))
        .map(value -> (Object) value);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, injections), net.jqwik.api.Tuple.of(4, text), net.jqwik.api.Tuple.of(1, huge),
        net.jqwik.api.Tuple.of(2, numbers), net.jqwik.api.Tuple.of(2, odd), net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
  }

  /**
   * Generated once per run with jqwik's sampling (which works outside its own test engine): a pool
   * of hostile values and of raw garbage, drawn from with a seeded {@link Random}.
   */
  private static final List<Object> VALUES;
  private static final List<String> GARBAGE;

  static {
    // jqwik samples with the thread's source of randomness: seeded, every run tries the same inputs
    net.jqwik.engine.SourceOfRandomness.create(Long.toString(SEED));
    VALUES = hostileValue().sampleStream().limit(4000).toList();
    GARBAGE = Arbitraries.strings().all().ofMaxLength(400).sampleStream().limit(1000).toList();
  }

  private static Object value(Random random) {
    return VALUES.get(random.nextInt(VALUES.size()));
  }

  /** A JSON body: the endpoint's own field names (and some others) with hostile values, or raw garbage. */
  private String body(Random random, List<String> fields) throws Exception {
    if (random.nextInt(5) == 0) {
      return GARBAGE.get(random.nextInt(GARBAGE.size()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    for (String field : fields) {
      if (random.nextInt(6) > 0) {
        body.put(field, value(random));
      }
    }
    if (random.nextInt(4) == 0) {
      body.put("__proto__", value(random));
    }
    return json.writeValueAsString(body);
  }

  private HttpResponse<String> send(String method, String path, String body, String basicAuth) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
    if (basicAuth != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long casesStarted() {
    return historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn("complaint-handling", "home-repair", "defect-rectification", "unit-handover", "mass-complaint")
        .count();
  }

  private static void assertRefusedCleanly(HttpResponse<String> answer, String what, boolean mayAnswer200) {
    if (mayAnswer200) {
      assertThat(answer.statusCode()).as(what).isLessThan(500);
    } else {
      assertThat(answer.statusCode()).as(what).isBetween(400, 499);
    }
    assertThat(answer.body()).as(what).doesNotContain("at com.").doesNotContain("at org.").doesNotContain("Exception:");
  }

  @Test
  void generated_hostile_bodies_on_every_post_endpoint_get_a_4xx_and_start_nothing() throws Exception {
    long before = casesStarted();
    Random random = new Random(SEED);
    List<String> complaint = List.of("unitCode", "projectCode", "contactName", "contactPhone", "category", "subcategory",
        "description", "channel", "severity", "locationType");
    Map<String, List<String>> anonymous = Map.of(
        "/owner/api/complaints", complaint,
        "/owner/api/repairs", List.of("unitCode", "contactName", "contactPhone", "category", "urgency", "description",
            "preferredTime", "locationType"),
        "/owner/api/track", List.of("caseNumber", "phone"),
        "/owner/api/rate", List.of("caseNumber", "phone", "score", "comment"),
        "/owner/api/defects/confirm", List.of("caseNumber", "phone", "accepted", "comment"));
    int requests = 0;
    for (Map.Entry<String, List<String>> endpoint : anonymous.entrySet()) {
      for (int i = 0; i < PER_ENDPOINT; i++) {
        String body = body(random, endpoint.getValue());
        assertRefusedCleanly(send("POST", endpoint.getKey(), body, null), endpoint.getKey() + " " + abbreviate(body), false);
        requests++;
      }
    }
    Map<String, List<String>> channel = Map.of(
        "/api/complaints", complaint,
        "/api/repairs", List.of("unitCode", "contactName", "contactPhone", "category", "urgency", "description", "channel"),
        "/api/defects/ZG-20261126-0001/confirm", List.of("phone", "accepted", "comment"));
    for (Map.Entry<String, List<String>> endpoint : channel.entrySet()) {
      for (int i = 0; i < PER_ENDPOINT; i++) {
        String body = body(random, endpoint.getValue());
        assertRefusedCleanly(send("POST", endpoint.getKey(), body, "owner-app:demo"),
            endpoint.getKey() + " " + abbreviate(body), false);
        requests++;
      }
    }
    // and, deterministically, a NUL in each field of each endpoint (PostgreSQL cannot store one)
    for (Map.Entry<String, List<String>> endpoint : anonymous.entrySet()) {
      for (String field : endpoint.getValue()) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("unitCode", "sz-sjhc-01-0801"));
        fields.put(field, "a\u0000b");
        String body = json.writeValueAsString(fields);
        assertRefusedCleanly(send("POST", endpoint.getKey(), body, null), endpoint.getKey() + " NUL in " + field, false);
        requests++;
      }
    }
    for (Map.Entry<String, List<String>> endpoint : channel.entrySet()) {
      for (String field : endpoint.getValue()) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("contactPhone", "13800000001"));
        fields.put(field, "a\u0000b");
        String body = json.writeValueAsString(fields);
        assertRefusedCleanly(send("POST", endpoint.getKey(), body, "owner-app:demo"), endpoint.getKey() + " NUL in " + field, false);
        requests++;
      }
    }
    System.out.println("HostileInputFuzzIT: " + requests + " generated POST bodies, all 4xx (input pool "
        + Integer.toHexString(VALUES.hashCode() ^ GARBAGE.hashCode()) + ")");
    assertThat(casesStarted()).isEqualTo(before);
  }

  @Test
  void generated_hostile_parameters_on_the_reports_and_task_queries_never_fail_the_server() throws Exception {
    long before = casesStarted();
    Random random = new Random(SEED + 1);
    WebappSession manager = WebappSession.login(port, "cockpit", "sz-manager", "demo");
    List<String> reports = List.of("breaches", "aggregates", "trend", "diagram", "inventory", "monthly/categories",
        "monthly/drills", "dashboard", "options");
    List<String> parameters = List.of("from", "to", "company", "project", "process", "step", "department", "person",
        "drill", "sort", "dir", "page", "size", "by", "granularity", "month", "format");
    int requests = 0;
    for (int i = 0; i < PER_ENDPOINT * 3; i++) {
      StringBuilder query = new StringBuilder();
      for (String parameter : parameters) {
        if (random.nextInt(3) == 0) {
          Object value = value(random);
          String text = String.valueOf(value);
          query.append(query.length() == 0 ? "" : "&").append(parameter).append('=')
              .append(URLEncoder.encode(text.length() > 2000 ? text.substring(0, 2000) : text, StandardCharsets.UTF_8));
        }
      }
      String report = reports.get(random.nextInt(reports.size()));
      HttpResponse<String> answer = manager.get("/camunda/api/cockpit/plugin/casedesk-sla/default/reports/" + report + "?" + query);
      assertRefusedCleanly(answer, report + "?" + abbreviate(query.toString()), true);
      requests++;
    }
    List<String> taskQuery = List.of("assignee", "candidateGroup", "processInstanceBusinessKeyLike", "nameLike",
        "dueBefore", "priority", "orQueries", "sorting", "processVariables", "tenantIdIn", "maxPriority");
    for (int i = 0; i < PER_ENDPOINT; i++) {
      String body = body(random, taskQuery);
      HttpResponse<String> answer = send("POST", "/engine-rest/task?maxResults=5", body, "sz-frontdesk:demo");
      assertRefusedCleanly(answer, "/engine-rest/task " + abbreviate(body), true);
      requests++;
    }
    System.out.println("HostileInputFuzzIT: " + requests + " generated report and task queries, no 5xx");
    assertThat(casesStarted()).isEqualTo(before);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
