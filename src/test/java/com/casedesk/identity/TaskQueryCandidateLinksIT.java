package com.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProbeProcesses;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The candidate conditions of CaseDesk's Task.xml (identity/TaskQueryMapping): an EXISTS instead of
 * the engine's join, and no DISTINCT then. Each query must give the tasks the engine's gives, once
 * each, in order, and the count must agree; this class passes on both mappings
 * ({@code casedesk.engine.task-query-authorization=camunda} selects the engine's).
 */
@CaseDeskIntegrationTest
class TaskQueryCandidateLinksIT {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String first = "first-" + run;
  private final String second = "second-" + run;
  private final String user = "user-" + run;
  private Task twoGroups;
  private Task claimed;
  private Task other;

  @BeforeEach
  void threeTasks() {
    ProbeProcesses.deploy(repositoryService);
    twoGroups = task(first + "," + second);
    claimed = task(first);
    taskService.claim(claimed.getId(), user);
    other = task("other-" + run);
  }

  private Task task(String candidateGroups) {
    String instance = runtimeService.startProcessInstanceByKey(ProbeProcesses.TASK_PROCESS,
        Map.of("companyCode", "sz", "candidateGroup", candidateGroups)).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  /** the query's tasks among the three, newest first; the count must agree */
  private List<String> ids(TaskQuery query) {
    TaskQuery mine = query.taskIdIn(twoGroups.getId(), claimed.getId(), other.getId());
    List<String> ids = mine.orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(0, 10)
        .stream().map(Task::getId).toList();
    assertThat(mine.count()).isEqualTo(ids.size());
    return ids;
  }

  @Test
  void a_task_with_two_of_my_groups_as_candidates_is_listed_once() {
    assertThat(ids(taskService.createTaskQuery().taskCandidateGroupIn(List.of(first, second))))
        .containsExactly(twoGroups.getId());
  }

  @Test
  void a_claimed_task_is_left_out_unless_assigned_tasks_are_included() {
    assertThat(ids(taskService.createTaskQuery().taskCandidateGroup(first))).containsExactly(twoGroups.getId());
    assertThat(ids(taskService.createTaskQuery().taskCandidateGroup(first).includeAssignedTasks()))
        .containsExactlyInAnyOrder(twoGroups.getId(), claimed.getId());
  }

  @Test
  void assigned_to_me_or_open_to_my_groups_as_the_overdue_filter_asks() {
    TaskQuery query = taskService.createTaskQuery()
        .or().taskAssignee(user).taskCandidateGroupIn(List.of(second)).includeAssignedTasks().endOr();
    assertThat(ids(query)).containsExactlyInAnyOrder(twoGroups.getId(), claimed.getId());
  }

  @Test
  void tasks_with_candidate_groups_are_found_and_the_others_are_not() {
    assertThat(ids(taskService.createTaskQuery().withCandidateGroups()))
        .containsExactlyInAnyOrder(twoGroups.getId(), other.getId());
    assertThat(ids(taskService.createTaskQuery().withoutCandidateGroups())).isEmpty();
  }

  @Test
  void an_involved_user_with_a_candidate_group_keeps_the_engines_join_on_one_link() {
    assertThat(ids(taskService.createTaskQuery().taskInvolvedUser(user))).containsExactly(claimed.getId());
    assertThat(ids(taskService.createTaskQuery().taskCandidateGroup(first).includeAssignedTasks()
        .taskInvolvedUser(user))).containsExactly(claimed.getId());
  }

  @Test
  void with_authorization_and_tenant_checks_the_groups_own_grants_decide() {
    identityService.setAuthentication(user, List.of(second), List.of("sz"));
    try {
      assertThat(ids(taskService.createTaskQuery().taskCandidateGroupIn(List.of(first, second))))
          .containsExactly(twoGroups.getId());
    } finally {
      identityService.clearAuthentication();
    }
  }
}
