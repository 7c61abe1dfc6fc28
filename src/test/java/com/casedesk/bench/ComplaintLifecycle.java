package com.casedesk.bench;

import com.casedesk.support.ProcessTests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.Task;

/**
 * One complaint from registration to closing through the engine API, as staff would drive it:
 * registered at the front desk, replied to (the reply goes out as a job), handled by property
 * service, called back (the owner is satisfied), closed. Jobs are executed by the calling thread,
 * as the job executor would (with the job's tenant and no user), so a lifecycle is a fixed
 * sequence of engine calls whose SQL can be counted exactly.
 */
public final class ComplaintLifecycle {

  static final String PROCESS_KEY = "complaint-handling";
  static final String REPLY = "UserTask_ReplyToOwner";
  static final String HANDLE = "UserTask_HandleComplaint";
  static final String CALLBACK = "UserTask_CallbackOwner";

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  /** false for the engine's ceiling: no authorization, no users */
  private final boolean asStaff;
  private final Supplier<Map<String, Object>> extraStartVariables;
  private final Map<String, Authentication> staff = new HashMap<>();

  record Authentication(String userId, List<String> groups, List<String> tenants) {}

  public ComplaintLifecycle(ProcessEngine engine, boolean asStaff, Supplier<Map<String, Object>> extraStartVariables) {
    this.runtimeService = engine.getRuntimeService();
    this.taskService = engine.getTaskService();
    this.managementService = engine.getManagementService();
    this.identityService = engine.getIdentityService();
    this.asStaff = asStaff;
    this.extraStartVariables = extraStartVariables;
    if (asStaff) {
      for (String user : List.of("sz-frontdesk", "sz-property")) {
        staff.put(user, new Authentication(user,
            identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList(),
            identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList()));
      }
    }
  }

  static Map<String, Object> intake(int n) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("channel", "frontdesk");
    variables.put("unitCode", "sz-sjhc-01-0801");
    variables.put("contactName", "张伟");
    variables.put("contactPhone", "13800000001");
    variables.put("category", "property");
    variables.put("subcategory", "cleaning");
    variables.put("description", "垃圾清运不及时，楼道有异味（基准测试 " + n + "）");
    return variables;
  }

  /** Runs complaint number n to its end; returns its process instance id. */
  public String run(int n) {
    Map<String, Object> variables = intake(n);
    variables.putAll(extraStartVariables.get());
    String instance = as("sz-frontdesk",
        () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables).getId());
    runJobs(instance);
    complete(instance, REPLY, "sz-frontdesk", Map.of("replyText", "您好，已安排保洁今日处理。"));
    runJobs(instance);
    complete(instance, HANDLE, "sz-property", Map.of("handlingResult", "已清运并消杀"));
    complete(instance, CALLBACK, "sz-frontdesk",
        Map.of("satisfaction", 5, "ownerSatisfied", true, "satisfactionComment", "很满意"));
    runJobs(instance);
    if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
      throw new IllegalStateException("complaint " + instance + " did not close: "
          + runtimeService.getActiveActivityIds(instance));
    }
    return instance;
  }

  private void complete(String instance, String taskKey, String user, Map<String, Object> variables) {
    as(user, () -> {
      Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new IllegalStateException("no task " + taskKey + " in " + instance + " for " + user);
      }
      taskService.complete(task.getId(), variables);
      return null;
    });
  }

  /** As the job executor would: the job's tenant, no user (for the ceiling's jobs, no tenant). */
  private void runJobs(String instance) {
    ProcessTests.runDueJobs(managementService, identityService, instance);
  }

  private <T> T as(String user, Supplier<T> action) {
    if (!asStaff) {
      return action.get();
    }
    Authentication who = staff.get(user);
    identityService.setAuthentication(who.userId(), who.groups(), who.tenants());
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
