package com.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProbeProcesses;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@CaseDeskIntegrationTest
class TenantVisibilityIT {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void deployProbes() {
    ProbeProcesses.deploy(repositoryService);
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.startProcessInstanceByKey(ProbeProcesses.TASK_PROCESS, variables);
  }

  private Task taskOf(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void every_instance_is_stamped_with_the_company_of_its_unit_project_or_company_code() {
    assertThat(start(Map.of("companyCode", "sh", "candidateGroup", "frontdesk")).getTenantId()).isEqualTo("sh");
    assertThat(start(Map.of("unitCode", "sz-sjhc-01-0801", "candidateGroup", "frontdesk")).getTenantId()).isEqualTo("sz");
    assertThat(start(Map.of("projectCode", "sh-lqsf", "candidateGroup", "frontdesk")).getTenantId()).isEqualTo("sh");
  }

  @Test
  void a_user_of_one_company_starting_a_process_stamps_it_with_that_company() {
    ProcessInstance instance = AsUser.call(identityService, "sh-frontdesk",
        () -> start(Map.of("candidateGroup", "frontdesk")));
    assertThat(instance.getTenantId()).isEqualTo("sh");
  }

  @Test
  void a_start_without_a_company_is_refused_with_a_clear_message() {
    assertThatThrownBy(() -> start(Map.of("candidateGroup", "frontdesk")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Cannot tell which frontline company")
        .hasMessageContaining("No instance was started");
    assertThatThrownBy(() -> start(Map.of("unitCode", "no-such-unit", "candidateGroup", "frontdesk")))
        .hasMessageContaining("unitCode 'no-such-unit' is not in the directory");
  }

  @Test
  void a_user_cannot_open_a_case_for_a_company_they_do_not_work_for() {
    assertThatThrownBy(() -> AsUser.call(identityService, "sz-frontdesk",
        () -> start(Map.of("companyCode", "sh", "candidateGroup", "frontdesk"))))
        .hasMessageContaining("does not work for company 'sh'");
    assertThatThrownBy(() -> AsUser.call(identityService, "sz-frontdesk",
        () -> start(Map.of("unitCode", "sh-jyhf-03-0602", "candidateGroup", "frontdesk"))))
        .hasMessageContaining("does not work for company 'sh'");
    assertThat(AsUser.call(identityService, "crc",
        () -> start(Map.of("companyCode", "sh", "candidateGroup", "frontdesk"))).getTenantId()).isEqualTo("sh");
  }

  @Test
  void a_group_level_process_listed_in_configuration_starts_without_a_company() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProbeProcesses.GROUP_LEVEL_PROCESS,
        Map.of("candidateGroup", "group-crc"));
    assertThat(instance.getTenantId()).isNull();
  }

  @Test
  void a_shenzhen_front_desk_user_cannot_see_or_claim_a_shanghai_task_through_the_engine_api() {
    Task shanghaiTask = taskOf(start(Map.of("companyCode", "sh", "candidateGroup", "frontdesk")));
    Task shenzhenTask = taskOf(start(Map.of("companyCode", "sz", "candidateGroup", "frontdesk")));

    List<String> visible = AsUser.call(identityService, "sz-frontdesk",
        () -> taskService.createTaskQuery().taskIdIn(shanghaiTask.getId(), shenzhenTask.getId()).listPage(0, 10)
            .stream().map(Task::getId).toList());
    assertThat(visible).containsExactly(shenzhenTask.getId());

    assertThatThrownBy(() -> AsUser.run(identityService, "sz-frontdesk",
        () -> taskService.claim(shanghaiTask.getId(), "sz-frontdesk")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("no authenticated tenant");
    assertThat(taskService.createTaskQuery().taskId(shanghaiTask.getId()).singleResult().getAssignee()).isNull();

    AsUser.run(identityService, "sh-frontdesk", () -> taskService.claim(shanghaiTask.getId(), "sh-frontdesk"));
    assertThat(taskService.createTaskQuery().taskId(shanghaiTask.getId()).singleResult().getAssignee())
        .isEqualTo("sh-frontdesk");
  }

  @Test
  void a_shenzhen_front_desk_user_cannot_see_or_claim_a_shanghai_task_through_rest() {
    Task shanghaiTask = taskOf(start(Map.of("companyCode", "sh", "candidateGroup", "frontdesk")));
    Task shenzhenTask = taskOf(start(Map.of("companyCode", "sz", "candidateGroup", "frontdesk")));
    TestRestTemplate shenzhen = rest.withBasicAuth("sz-frontdesk", "demo");

    ResponseEntity<Map[]> list = shenzhen.getForEntity("/engine-rest/task?taskIdIn={a},{b}&maxResults=50",
        Map[].class, shanghaiTask.getId(), shenzhenTask.getId());
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody()).extracting(task -> task.get("id")).containsExactly(shenzhenTask.getId());

    ResponseEntity<String> single = shenzhen.getForEntity("/engine-rest/task/{id}", String.class, shanghaiTask.getId());
    assertThat(single.getStatusCode().is2xxSuccessful()).as(single.toString()).isFalse();

    ResponseEntity<String> claim = shenzhen.exchange("/engine-rest/task/{id}/claim", HttpMethod.POST,
        json("{\"userId\": \"sz-frontdesk\"}"), String.class, shanghaiTask.getId());
    assertThat(claim.getStatusCode().is2xxSuccessful()).as(claim.toString()).isFalse();
    assertThat(taskService.createTaskQuery().taskId(shanghaiTask.getId()).singleResult().getAssignee()).isNull();

    ResponseEntity<String> ownClaim = shenzhen.exchange("/engine-rest/task/{id}/claim", HttpMethod.POST,
        json("{\"userId\": \"sz-frontdesk\"}"), String.class, shenzhenTask.getId());
    assertThat(ownClaim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  @Test
  void a_contractor_sees_only_the_tasks_addressed_to_its_own_company() {
    Task pengchengTask = taskOf(start(Map.of("companyCode", "sz", "candidateGroup", "contractor-pengcheng")));
    Task shendaTask = taskOf(start(Map.of("companyCode", "sz", "candidateGroup", "contractor-shenda")));
    Task frontDeskTask = taskOf(start(Map.of("companyCode", "sz", "candidateGroup", "frontdesk")));
    List<String> all = List.of(pengchengTask.getId(), shendaTask.getId(), frontDeskTask.getId());

    assertThat(visibleTo("pengcheng", all)).containsExactly(pengchengTask.getId());
    assertThat(visibleTo("shenda", all)).containsExactly(shendaTask.getId());
    assertThatThrownBy(() -> AsUser.run(identityService, "pengcheng",
        () -> taskService.claim(shendaTask.getId(), "pengcheng")))
        .isInstanceOf(ProcessEngineException.class);
    AsUser.run(identityService, "pengcheng", () -> taskService.claim(pengchengTask.getId(), "pengcheng"));
  }

  @Test
  void the_group_centre_sees_every_company_and_a_company_supervisor_only_its_own() {
    Task shenzhen = taskOf(start(Map.of("companyCode", "sz", "candidateGroup", "frontdesk")));
    Task shanghai = taskOf(start(Map.of("companyCode", "sh", "candidateGroup", "frontdesk")));
    List<String> both = List.of(shenzhen.getId(), shanghai.getId());

    assertThat(visibleTo("crc", both)).containsExactlyInAnyOrderElementsOf(both);
    assertThat(visibleTo("sz-supervisor", both)).containsExactly(shenzhen.getId());
    assertThat(visibleTo("sh-supervisor", both)).containsExactly(shanghai.getId());
  }

  private List<String> visibleTo(String userId, List<String> taskIds) {
    return AsUser.call(identityService, userId,
        () -> taskService.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).listPage(0, 100)
            .stream().map(Task::getId).toList());
  }
}
