package com.casedesk.sla;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** What the SLA ledger records of a task, read the same way when it opens and when it completes. */
final class TaskFacts {

  /** The process variable every case process sets to the case's project (see the {@code …Process} classes). */
  static final String PROJECT_CODE = "projectCode";
  /** Set on every process instance of an emergency drill. */
  static final String DRILL = "drill";

  /** process definition id → key; a deployed definition never changes */
  private static final Map<String, String> PROCESS_KEYS = new ConcurrentHashMap<>();

  private TaskFacts() {}

  /**
   * The key of the task's process: read once per definition from the model the engine keeps in its
   * deployment cache (the process element's id is the key), not asked of the repository service on
   * every task event (a query, and an authorization check of the user who completes the task).
   */
  static String processKey(DelegateTask task) {
    return PROCESS_KEYS.computeIfAbsent(task.getProcessDefinitionId(), definition -> readProcessKey(task));
  }

  private static String readProcessKey(DelegateTask task) {
    ModelElementInstance element = task.getBpmnModelElementInstance();
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    if (element != null) {
      return ((Process) element).getId();
    }
    return task.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(task.getProcessDefinitionId()).getKey();
  }

  /** The candidate groups, sorted and comma-separated: the department responsible for the step. */
  static String responsibleGroup(DelegateTask task) {
    String groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .sorted()
        .collect(Collectors.joining(","));
    return groups.isEmpty() ? null : groups;
  }

  static String projectCode(DelegateTask task) {
    Object project = task.getVariable(PROJECT_CODE);
    return project instanceof String code ? code : null;
  }

  static boolean drill(DelegateTask task) {
    return Boolean.TRUE.equals(task.getVariable(DRILL));
  }
}
