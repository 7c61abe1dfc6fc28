package com.casedesk.sla;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** What the SLA ledger records of a task, read the same way when it opens and when it completes. */
final class TaskFacts {

  /** The process variable every case process sets to the case's project (see the {@code …Process} classes). */
  static final String PROJECT_CODE = "projectCode";
  /** Set on every process instance of an emergency drill. */
  static final String DRILL = "drill";

  private TaskFacts() {}

  static String processKey(DelegateTask task) {
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
