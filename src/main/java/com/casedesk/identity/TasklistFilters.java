package com.casedesk.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters: 我的任务, 本组待办, 今日到期, 已逾期. Each query is evaluated for the
 * logged-in user ({@code currentUser()}, {@code currentUserGroups()}); tenants and authorizations
 * then narrow it to the tasks that user may see.
 */
@Component
class TasklistFilters {

  static final String INVOLVES_ME_ASSIGNEE = "${currentUser()}";
  static final String MY_GROUPS = "${currentUserGroups()}";
  /** start of today and of tomorrow in the office time zone (bean {@code workingTime}) */
  static final String START_OF_TODAY = "${workingTime.startOfToday()}";
  static final String START_OF_TOMORROW = "${workingTime.startOfTomorrow()}";

  /** case variables every task list shows under each task (Tasklist's filter "variables") */
  static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", "caseNumber", "label", "案件编号"),
      Map.of("name", "contactName", "label", "联系人"),
      Map.of("name", "unitCode", "label", "房号"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final Grants grants;

  TasklistFilters(FilterService filterService, TaskService taskService, Grants grants) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
  }

  void ensureFilters(List<IdentityProperties.TaskFilter> filters, List<String> groupIds) {
    for (IdentityProperties.TaskFilter definition : filters) {
      Filter filter = filterService.createFilterQuery().filterName(definition.name()).singleResult();
      if (filter == null) {
        filter = filterService.newTaskFilter(definition.name())
            .setQuery(query(definition.id()))
            .setProperties(new HashMap<>(Map.of(
                "priority", definition.priority(),
                "description", definition.description() == null ? "" : definition.description(),
                "refresh", true)));
      }
      if (filter.getProperties() == null || !filter.getProperties().containsKey("variables")) {
        Map<String, Object> properties = new HashMap<>(filter.getProperties() == null ? Map.of() : filter.getProperties());
        properties.put("variables", LIST_VARIABLES);
        filter.setProperties(properties);
        filterService.saveFilter(filter);
      } else if (filter.getId() == null) {
        filterService.saveFilter(filter);
      }
      for (String groupId : groupIds) {
        grants.grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  TaskQuery query(String filterId) {
    return switch (filterId) {
      case "my-tasks" -> taskService.createTaskQuery().taskAssigneeExpression(INVOLVES_ME_ASSIGNEE);
      case "group-tasks" -> taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS);
      case "due-today" -> involvingMe()
          .dueAfterExpression(START_OF_TODAY)
          .dueBeforeExpression(START_OF_TOMORROW);
      case "overdue" -> involvingMe().dueBeforeExpression("${now()}");
      default -> throw new IllegalArgumentException(
          "Unknown Tasklist filter id '" + filterId + "' in casedesk-roles.yaml; known: "
              + "my-tasks, group-tasks, due-today, overdue");
    };
  }

  /** assigned to me, or open to one of my groups (claimed or not) */
  private TaskQuery involvingMe() {
    return taskService.createTaskQuery()
        .or()
          .taskAssigneeExpression(INVOLVES_ME_ASSIGNEE)
          .taskCandidateGroupInExpression(MY_GROUPS)
          .includeAssignedTasks()
        .endOr();
  }
}
