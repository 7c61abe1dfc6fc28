package com.casedesk.support;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

/** Runs engine API calls as a user, with the groups and tenants the webapps would give them. */
public final class AsUser {

  private AsUser() {}

  public static <T> T call(IdentityService identityService, String userId, Supplier<T> action) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list()
        .stream().map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
        .list().stream().map(Tenant::getId).toList();
    identityService.setAuthentication(userId, groups, tenants);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  public static void run(IdentityService identityService, String userId, Runnable action) {
    call(identityService, userId, () -> {
      action.run();
      return null;
    });
  }
}
