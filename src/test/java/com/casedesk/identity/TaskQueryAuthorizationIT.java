package com.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProbeProcesses;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query's authorization check of CaseDesk's Task.xml (identity/TaskQueryMapping): each
 * kind of grant the engine's own check honours shows exactly the tasks it covers, in the list and
 * in the count, and, on an engine that checks revokes (CaseDesk's does not:
 * RevokeAuthorizationsRefused), a revoke still takes the engine's own path.
 */
@CaseDeskIntegrationTest
class TaskQueryAuthorizationIT {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngine engine;
  @Autowired RevokeAuthorizationsRefused refused;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private TestAuthorizations grants;
  private Task definitionTask;
  private Task otherTask;

  @BeforeEach
  void twoTasksOfTwoDefinitions() {
    grants = new TestAuthorizations(authorizationService);
    ProbeProcesses.deploy(repositoryService);
    definitionTask = task(ProbeProcesses.TASK_PROCESS, "candidates-" + run);
    otherTask = task(ProbeProcesses.GROUP_LEVEL_PROCESS, "nobody-" + run);
  }

  @AfterEach
  void removeGrants() {
    grants.removeAll();
  }

  private Task task(String processKey, String candidateGroup) {
    String instance = runtimeService.startProcessInstanceByKey(processKey,
        Map.of("companyCode", "sz", "candidateGroup", candidateGroup)).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private void authorize(int type, String userId, String groupId, Resource resource, String resourceId) {
    grants.save(type, userId, groupId, resource, resourceId,
        resource == Resources.TASK ? Permissions.READ : Permissions.READ_TASK);
  }

  /** the two tasks as the user sees them; the count must agree with the list */
  private List<String> visible(String userId, String groupId) {
    return AsUser.call(identityService, userId, List.of(groupId), List.of("sz"), () -> {
      TaskQuery query = taskService.createTaskQuery().taskIdIn(definitionTask.getId(), otherTask.getId());
      List<String> ids = query.listPage(0, 10).stream().map(Task::getId).toList();
      assertThat(query.count()).as("count of %s", userId).isEqualTo(ids.size());
      return ids;
    });
  }

  @Test
  void the_grant_written_for_a_candidate_group_shows_that_task_only() {
    assertThat(visible("u-" + run, "candidates-" + run)).containsExactly(definitionTask.getId());
  }

  @Test
  void without_a_grant_nothing_is_shown() {
    assertThat(visible("u-" + run, "strangers-" + run)).isEmpty();
  }

  @Test
  void read_task_on_a_process_definition_key_shows_the_tasks_of_that_process_only() {
    authorize(Authorization.AUTH_TYPE_GRANT, null, "readers-" + run, Resources.PROCESS_DEFINITION,
        ProbeProcesses.TASK_PROCESS);
    assertThat(visible("u-" + run, "readers-" + run)).containsExactly(definitionTask.getId());
  }

  @Test
  void read_on_every_task_shows_both() {
    authorize(Authorization.AUTH_TYPE_GRANT, null, "all-" + run, Resources.TASK, Authorization.ANY);
    assertThat(visible("u-" + run, "all-" + run))
        .containsExactlyInAnyOrder(definitionTask.getId(), otherTask.getId());
  }

  @Test
  void a_grant_to_the_user_on_one_task_shows_that_task() {
    authorize(Authorization.AUTH_TYPE_GRANT, "u-" + run, null, Resources.TASK, otherTask.getId());
    assertThat(visible("u-" + run, "strangers-" + run)).containsExactly(otherTask.getId());
  }

  @Test
  void a_global_grant_on_one_task_shows_it_to_everyone() {
    authorize(Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, null, Resources.TASK, otherTask.getId());
    assertThat(visible("u-" + run, "strangers-" + run)).containsExactly(otherTask.getId());
  }

  @Test
  void with_revokes_checked_a_revoke_is_honoured_through_the_engines_own_check() {
    RevokesChecked.during(engine, refused, () -> {
      authorize(Authorization.AUTH_TYPE_GRANT, null, "all-" + run, Resources.TASK, Authorization.ANY);
      authorize(Authorization.AUTH_TYPE_REVOKE, "u-" + run, null, Resources.TASK, definitionTask.getId());
      assertThat(visible("u-" + run, "all-" + run)).containsExactly(otherTask.getId());
      assertThat(visible("v-" + run, "all-" + run))
          .containsExactlyInAnyOrder(definitionTask.getId(), otherTask.getId());
    }, grants::removeAll);
  }
}
