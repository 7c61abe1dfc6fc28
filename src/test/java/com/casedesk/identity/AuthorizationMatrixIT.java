package com.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProbeProcesses;
import com.casedesk.support.WebappSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every role × company × action, through the doors staff and tools use (the engine REST API with
 * HTTP Basic, CaseDesk's API, a Cockpit session): on a Shenzhen front-desk task, a Shenzhen unit
 * and Shenzhen's SLA report. Y = allowed (2xx), N = refused (401, 403 or 404; never a 5xx).
 */
@CaseDeskIntegrationTest
class AuthorizationMatrixIT {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @BeforeEach
  void deployProbes() {
    ProbeProcesses.deploy(repositoryService);
  }

  private Task shenzhenFrontDeskTask() {
    String instance = runtimeService.startProcessInstanceByKey(ProbeProcesses.TASK_PROCESS,
        Map.of("companyCode", "sz", "candidateGroup", "frontdesk")).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private static String password(String user) {
    return "admin".equals(user) ? "admin" : "demo";
  }

  private ResponseEntity<String> postJson(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password(user)).postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  /** The answer of each action for one user: true when allowed, with the statuses seen. */
  private Map<String, Integer> actions(String user) {
    Map<String, Integer> status = new LinkedHashMap<>();
    status.put("see task", rest.withBasicAuth(user, password(user))
        .getForEntity("/engine-rest/task/" + shenzhenFrontDeskTask().getId(), String.class).getStatusCode().value());
    status.put("claim", postJson(user, "/engine-rest/task/" + shenzhenFrontDeskTask().getId() + "/claim",
        "{\"userId\":\"" + user + "\"}").getStatusCode().value());
    status.put("complete", postJson(user, "/engine-rest/task/" + shenzhenFrontDeskTask().getId() + "/complete", "{}")
        .getStatusCode().value());
    status.put("start process", postJson(user, "/engine-rest/process-definition/key/" + ProbeProcesses.TASK_PROCESS + "/start",
        "{\"variables\":{\"companyCode\":{\"value\":\"sz\"},\"candidateGroup\":{\"value\":\"frontdesk\"}}}")
        .getStatusCode().value());
    status.put("read report", readReport(user));
    status.put("deploy", deploy(user));
    status.put("read case file", rest.withBasicAuth(user, password(user))
        .getForEntity("/api/units/sz-sjhc-01-0801/case-file", String.class).getStatusCode().value());
    return status;
  }

  private int readReport(String user) {
    try {
      return WebappSession.login(port, "cockpit", user, password(user))
          .get("/camunda/api/cockpit/plugin/casedesk-sla/default/reports/breaches?company=sz").statusCode();
    } catch (IllegalStateException loginRefused) {
      return 403; // no Cockpit for this role: the login itself is refused
    }
  }

  private int deploy(String user) {
    String name = "matrix-deploy-" + user;
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", name);
    form.add("data", new ByteArrayResource(Bpmn.convertToString(Bpmn.createExecutableProcess("matrix-deploy-check")
        .camundaHistoryTimeToLive(1).startEvent().endEvent().done()).getBytes()) {
      @Override
      public String getFilename() {
        return "matrix-deploy-check.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    int status = rest.withBasicAuth(user, password(user))
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class)
        .getStatusCode().value();
    repositoryService.createDeploymentQuery().deploymentName(name).list()
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
    return status;
  }

  @ParameterizedTest(name = "{0}: see {1} claim {2} complete {3} start {4} report {5} deploy {6} case file {7}")
  @CsvSource({
      // user,        see, claim, complete, start, report, deploy, case file
      "sz-frontdesk,   Y,   Y,     Y,        Y,     N,      N,      Y",
      "sh-frontdesk,   N,   N,     N,        N,     N,      N,      N",
      "sz-supervisor,  Y,   Y,     Y,        Y,     Y,      N,      Y",
      "sh-supervisor,  N,   N,     N,        N,     N,      N,      N",
      "sz-manager,     Y,   Y,     Y,        Y,     Y,      N,      Y",
      "sz-gm,          Y,   Y,     Y,        Y,     Y,      N,      Y",
      "sz-head,        Y,   Y,     Y,        Y,     Y,      N,      Y",
      "crc,            Y,   Y,     Y,        Y,     Y,      N,      Y",
      "sz-tech,        Y,   N,     N,        Y,     N,      N,      N",
      "sz-dispatch,    Y,   Y,     Y,        Y,     N,      N,      Y",
      "pengcheng,      N,   N,     N,        N,     N,      N,      N",
      "process-owner,  N,   N,     N,        N,     N,      Y,      N",
      "owner-app,      N,   N,     N,        Y,     N,      N,      N",
      "admin,          Y,   Y,     Y,        Y,     Y,      Y,      Y"})
  void each_role_may_do_what_its_job_needs_in_its_own_company(String user, String see, String claim, String complete,
      String start, String report, String deploy, String caseFile) {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("see task", see);
    expected.put("claim", claim);
    expected.put("complete", complete);
    expected.put("start process", start);
    expected.put("read report", report);
    expected.put("deploy", deploy);
    expected.put("read case file", caseFile);

    Map<String, Integer> actual = actions(user);

    SoftAssertions softly = new SoftAssertions();
    expected.forEach((action, allowed) -> {
      int status = actual.get(action);
      if ("Y".equals(allowed)) {
        softly.assertThat(status).as(user + " " + action).isBetween(200, 299);
      } else {
        softly.assertThat(status).as(user + " " + action).isIn(401, 403, 404);
      }
    });
    softly.assertAll();
  }

  @Test
  void handing_a_task_to_another_group_takes_it_away_from_the_old_one() {
    Task task = shenzhenFrontDeskTask();
    taskService.deleteCandidateGroup(task.getId(), "frontdesk");
    taskService.addCandidateGroup(task.getId(), "engineering");

    assertThat(postJson("sz-frontdesk", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"sz-frontdesk\"}")
        .getStatusCode().value()).isEqualTo(403);
    assertThat(taskService.getIdentityLinksForTask(task.getId())).noneMatch(link ->
        IdentityLinkType.CANDIDATE.equals(link.getType()) && "frontdesk".equals(link.getGroupId()));
    assertThat(postJson("sz-engineering", "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"sz-engineering\"}").getStatusCode().value()).isEqualTo(204);
  }
}
