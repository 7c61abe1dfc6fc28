package com.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.calendar.WorkingTime;
import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.ProbeProcesses;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CaseDeskIntegrationTest
class TasklistFiltersIT {

  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired WorkingTime workingTime;

  @BeforeEach
  void deployProbes() {
    ProbeProcesses.deploy(repositoryService);
  }

  @Test
  void every_role_sees_the_four_shared_filters() {
    for (String user : List.of("sz-frontdesk", "sz-supervisor", "crc", "pengcheng", "sz-tech", "process-owner")) {
      List<String> names = AsUser.call(identityService, user,
          () -> filterService.createTaskFilterQuery().orderByFilterId().asc().listPage(0, 50).stream().map(Filter::getName).toList());
      assertThat(names).as(user).contains("我的任务", "本组待办", "今日到期", "已逾期");
    }
  }

  @Test
  void task_lists_show_the_case_number_contact_and_unit_of_each_task() {
    Filter mine = filterService.createTaskFilterQuery().filterName("我的任务").singleResult();
    assertThat((List<Map<String, String>>) mine.getProperties().get("variables"))
        .extracting(v -> v.get("name")).containsExactly("caseNumber", "contactName", "unitCode");
  }

  @Test
  void due_today_and_overdue_pick_the_right_tasks_of_my_groups() {
    Task dueToday = newFrontDeskTask(new Date(workingTime.startOfTomorrow().getTime() - 60_000));
    Task overdue = newFrontDeskTask(new Date(workingTime.startOfToday().getTime() - 3_600_000));
    Task dueNextWeek = newFrontDeskTask(new Date(workingTime.startOfTomorrow().getTime() + 7 * 86_400_000L));

    List<String> today = listFilter("sz-frontdesk", "今日到期");
    List<String> late = listFilter("sz-frontdesk", "已逾期");
    List<String> group = listFilter("sz-frontdesk", "本组待办");

    assertThat(today).contains(dueToday.getId()).doesNotContain(overdue.getId(), dueNextWeek.getId());
    assertThat(late).contains(overdue.getId()).doesNotContain(dueNextWeek.getId());
    assertThat(group).contains(dueToday.getId(), overdue.getId(), dueNextWeek.getId());
    // Shanghai's front desk shares the group but not the company
    assertThat(listFilter("sh-frontdesk", "本组待办")).doesNotContain(dueToday.getId(), overdue.getId());
  }

  @Test
  void my_tasks_holds_what_i_claimed() {
    Task task = newFrontDeskTask(null);
    AsUser.run(identityService, "sz-frontdesk", () -> taskService.claim(task.getId(), "sz-frontdesk"));
    assertThat(listFilter("sz-frontdesk", "我的任务")).contains(task.getId());
    assertThat(listFilter("sz-frontdesk", "本组待办")).doesNotContain(task.getId());
  }

  private Task newFrontDeskTask(Date due) {
    String instance = runtimeService.startProcessInstanceByKey(ProbeProcesses.TASK_PROCESS,
        Map.of("companyCode", "sz", "candidateGroup", "frontdesk")).getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    task.setDueDate(due);
    taskService.saveTask(task);
    return task;
  }

  private List<String> listFilter(String userId, String filterName) {
    return AsUser.call(identityService, userId, () -> {
      Filter filter = filterService.createTaskFilterQuery().filterName(filterName).singleResult();
      return filterService.<Task>listPage(filter.getId(), 0, 500).stream().map(Task::getId).toList();
    });
  }
}
