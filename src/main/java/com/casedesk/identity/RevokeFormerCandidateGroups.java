package com.casedesk.identity;

import com.casedesk.api.ApiCaller;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A task handed to another group is taken away from the old one. The engine grants each candidate
 * group TASK_WORK on the task ({@code default-user-permission-name-for-task}) but, in 7.24, keeps
 * that grant when the group stops being a candidate. On every update of a task (its candidates
 * included), the task's grants to groups that are no longer candidates are deleted, in the same
 * transaction, as the engine (the user who reassigns need not administer authorizations).
 */
@Component
class RevokeFormerCandidateGroups {

  private final ApiCaller caller;

  RevokeFormerCandidateGroups(ApiCaller caller) {
    this.caller = caller;
  }

  @EventListener
  public void onUpdate(DelegateTask task) {
    if (!TaskListener.EVENTNAME_UPDATE.equals(task.getEventName())) {
      return;
    }
    Set<String> candidates = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .collect(Collectors.toSet());
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    caller.asEngine(() -> {
      authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).list().stream()
          .filter(grant -> grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
          .filter(grant -> grant.getGroupId() != null && !candidates.contains(grant.getGroupId()))
          .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
      return null;
    });
  }
}
