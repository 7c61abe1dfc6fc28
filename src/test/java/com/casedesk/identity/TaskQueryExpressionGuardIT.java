package com.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.WebappSession;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A task query never evaluates an expression a caller sends, also inside {@code orQueries} (which
 * Camunda 7.24 CE does not check): the probe {@code ${identityService.saveUser(…)}} would create a
 * user if evaluated. The control shows the probe works where expressions are meant to run (a
 * stored filter, written with the right to create filters), and Tasklist's own filters still list.
 */
@CaseDeskIntegrationTest
class TaskQueryExpressionGuardIT {

  private static final String PROBE_USER = "exprprobe";
  /** Creates a user when evaluated, then yields an assignee so that the query itself succeeds. */
  private static final String PROBE = "${identityService.saveUser(identityService.newUser('" + PROBE_USER
      + "')) == null ? 'nobody' : 'nobody'}";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;

  @AfterEach
  void removeProbeUser() {
    if (probeUserExists()) {
      identityService.deleteUser(PROBE_USER);
    }
    filterService.createFilterQuery().filterName("expression-probe").list()
        .forEach(filter -> filterService.deleteFilter(filter.getId()));
  }

  private boolean probeUserExists() {
    return identityService.createUserQuery().userId(PROBE_USER).count() > 0;
  }

  private ResponseEntity<String> post(String user, String password, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password).postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void an_expression_inside_or_queries_is_refused_and_evaluates_nothing() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest/history/task")) {
      ResponseEntity<String> answer = post("admin", "admin", path,
          "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}");
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).as(path).contains("表达式").contains("orQueries");
    }
    // the same probe escaped in JSON (\u0024 is $) is found after decoding
    assertThat(post("admin", "admin", "/engine-rest/task",
        "{\"orQueries\":[{\"candidateUserExpression\":\"\\u0024" + PROBE.substring(1) + "\"}]}")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("admin", "admin", "/engine-rest/task", "{\"assigneeExpression\":\"#{1+1}\"}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.withBasicAuth("admin", "admin").getForEntity(java.net.URI.create("/engine-rest/task?assigneeExpression="
        + java.net.URLEncoder.encode(PROBE, java.nio.charset.StandardCharsets.UTF_8)), String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(probeUserExists()).isFalse();
  }

  @Test
  void the_webapps_engine_api_is_guarded_too() {
    WebappSession tasklist = WebappSession.login(port, "tasklist", "sz-frontdesk", "demo");
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task?assigneeExpression="
        + java.net.URLEncoder.encode(PROBE, java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
    assertThat(probeUserExists()).isFalse();
  }

  @Test
  void the_probe_works_where_expressions_are_meant_to_run_a_stored_filter() {
    TaskQuery query = taskService.createTaskQuery().taskAssigneeExpression(PROBE);
    Filter filter = filterService.newTaskFilter("expression-probe").setOwner("admin").setQuery(query);
    filterService.saveFilter(filter);

    filterService.list(filter.getId());

    assertThat(probeUserExists()).isTrue();
  }

  @Test
  void tasklists_own_filters_with_current_user_expressions_still_list() {
    ResponseEntity<Map[]> filters = rest.withBasicAuth("sz-frontdesk", "demo")
        .getForEntity("/engine-rest/filter?resourceType=Task&maxResults=50", Map[].class);
    assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(filters.getBody()).isNotEmpty();
    for (Map<?, ?> filter : filters.getBody()) {
      ResponseEntity<String> list = post("sz-frontdesk", "demo", "/engine-rest/filter/" + filter.get("id") + "/list?maxResults=10",
          "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
      assertThat(list.getStatusCode()).as(String.valueOf(filter.get("name"))).isEqualTo(HttpStatus.OK);
    }
    // ordinary task queries and their orQueries pass
    assertThat(post("sz-frontdesk", "demo", "/engine-rest/task?maxResults=10",
        "{\"orQueries\":[{\"assignee\":\"sz-frontdesk\",\"candidateGroup\":\"frontdesk\"}]}").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}
