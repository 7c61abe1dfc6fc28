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
    return call(identityService, userId, groups, tenants, action);
  }

  /** As the user with exactly these groups and tenants (which need not exist in the identity service). */
  public static <T> T call(IdentityService identityService, String userId, List<String> groups, List<String> tenants,
      Supplier<T> action) {
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
