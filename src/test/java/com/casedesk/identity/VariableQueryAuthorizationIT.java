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
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The variable instance query's authorization check of CaseDesk's VariableInstance.xml
 * (identity/TaskQueryMapping), the query Tasklist sends with every page of a filter's tasks: each
 * kind of grant the engine's own check honours shows exactly the variables it covers, in the list
 * and in the count, and, on an engine that checks revokes (CaseDesk's does not:
 * RevokeAuthorizationsRefused), a revoke still takes the engine's own path. Passes on the engine's mapping
 * too ({@code CASEDESK_ENGINE_TASKQUERYAUTHORIZATION=camunda}).
 */
@CaseDeskIntegrationTest
class VariableQueryAuthorizationIT {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngine engine;
  @Autowired RevokeAuthorizationsRefused refused;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private TestAuthorizations grants;
  private Instance probe;
  private Instance other;

  /** a process instance, its user task, and one process variable and one task-local variable */
  private record Instance(String id, Task task, String processVariable, String taskVariable) {}

  @BeforeEach
  void twoInstancesOfTwoDefinitions() {
    grants = new TestAuthorizations(authorizationService);
    ProbeProcesses.deploy(repositoryService);
    probe = instance(ProbeProcesses.TASK_PROCESS, "probe");
    other = instance(ProbeProcesses.GROUP_LEVEL_PROCESS, "other");
  }

  @AfterEach
  void removeGrants() {
    grants.removeAll();
  }

  private Instance instance(String processKey, String name) {
    String id = runtimeService.startProcessInstanceByKey(processKey,
        Map.of("companyCode", "sz", "candidateGroup", "nobody-" + run, "marker", name + "-" + run)).getId();
    Task task = taskService.createTaskQuery().processInstanceId(id).singleResult();
    taskService.setVariableLocal(task.getId(), "note", name + "-" + run);
    String processVariable = runtimeService.createVariableInstanceQuery().processInstanceIdIn(id)
        .variableName("marker").singleResult().getId();
    String taskVariable = runtimeService.createVariableInstanceQuery().taskIdIn(task.getId())
        .variableName("note").singleResult().getId();
    return new Instance(id, task, processVariable, taskVariable);
  }

  private void authorize(int type, String userId, String groupId, Resource resource, String resourceId,
      Permission permission) {
    grants.save(type, userId, groupId, resource, resourceId, permission);
  }

  /**
   * The four variables as the user sees them, asked the way Tasklist asks (by variable scope and
   * name); the count must agree with the list.
   */
  private List<String> visible(String userId, String groupId) {
    return AsUser.call(identityService, userId, List.of(groupId), List.of("sz"), () -> {
      VariableInstanceQuery query = runtimeService.createVariableInstanceQuery()
          .variableScopeIdIn(probe.id(), probe.task().getId(), other.id(), other.task().getId())
          .variableNameIn("marker", "note");
      List<String> ids = query.listPage(0, 10).stream().map(VariableInstance::getId).toList();
      assertThat(query.count()).as("count of %s", userId).isEqualTo(ids.size());
      return ids;
    });
  }

  @Test
  void without_a_grant_nothing_is_shown() {
    assertThat(visible("u-" + run, "strangers-" + run)).isEmpty();
  }

  @Test
  void read_instance_on_a_process_definition_key_shows_the_variables_of_that_process_only() {
    authorize(Authorization.AUTH_TYPE_GRANT, null, "readers-" + run, Resources.PROCESS_DEFINITION,
        ProbeProcesses.TASK_PROCESS, Permissions.READ_INSTANCE);
    assertThat(visible("u-" + run, "readers-" + run))
        .containsExactlyInAnyOrder(probe.processVariable(), probe.taskVariable());
  }

  @Test
  void read_on_one_process_instance_shows_its_variables() {
    authorize(Authorization.AUTH_TYPE_GRANT, "u-" + run, null, Resources.PROCESS_INSTANCE, other.id(),
        Permissions.READ);
    assertThat(visible("u-" + run, "strangers-" + run))
        .containsExactlyInAnyOrder(other.processVariable(), other.taskVariable());
  }

  @Test
  void read_on_one_task_shows_its_local_variables_only() {
    authorize(Authorization.AUTH_TYPE_GRANT, null, "workers-" + run, Resources.TASK, probe.task().getId(),
        Permissions.READ);
    assertThat(visible("u-" + run, "workers-" + run)).containsExactly(probe.taskVariable());
  }

  @Test
  void read_instance_on_every_process_definition_shows_all_four() {
    authorize(Authorization.AUTH_TYPE_GRANT, null, "all-" + run, Resources.PROCESS_DEFINITION,
        Authorization.ANY, Permissions.READ_INSTANCE);
    assertThat(visible("u-" + run, "all-" + run)).containsExactlyInAnyOrder(probe.processVariable(),
        probe.taskVariable(), other.processVariable(), other.taskVariable());
  }

  @Test
  void a_grant_of_another_permission_shows_nothing() {
    authorize(Authorization.AUTH_TYPE_GRANT, null, "starters-" + run, Resources.PROCESS_DEFINITION,
        ProbeProcesses.TASK_PROCESS, Permissions.CREATE_INSTANCE);
    authorize(Authorization.AUTH_TYPE_GRANT, null, "starters-" + run, Resources.TASK, probe.task().getId(),
        Permissions.UPDATE);
    assertThat(visible("u-" + run, "starters-" + run)).isEmpty();
  }

  @Test
  void a_global_grant_on_one_process_instance_shows_it_to_everyone() {
    authorize(Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, null, Resources.PROCESS_INSTANCE, probe.id(),
        Permissions.READ);
    assertThat(visible("u-" + run, "strangers-" + run))
        .containsExactlyInAnyOrder(probe.processVariable(), probe.taskVariable());
  }

  @Test
  void with_revokes_checked_a_revoke_is_honoured_through_the_engines_own_check() {
    RevokesChecked.during(engine, refused, () -> {
      authorize(Authorization.AUTH_TYPE_GRANT, null, "all-" + run, Resources.PROCESS_DEFINITION,
          Authorization.ANY, Permissions.READ_INSTANCE);
      authorize(Authorization.AUTH_TYPE_REVOKE, "u-" + run, null, Resources.PROCESS_DEFINITION,
          ProbeProcesses.TASK_PROCESS, Permissions.READ_INSTANCE);
      assertThat(visible("u-" + run, "all-" + run))
          .containsExactlyInAnyOrder(other.processVariable(), other.taskVariable());
      assertThat(visible("v-" + run, "all-" + run)).containsExactlyInAnyOrder(probe.processVariable(),
          probe.taskVariable(), other.processVariable(), other.taskVariable());
    }, grants::removeAll);
  }
}
