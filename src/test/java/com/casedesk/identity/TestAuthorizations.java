package com.casedesk.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Authorizations a test writes, each with one permission granted (or revoked), removed again after the test. */
final class TestAuthorizations {

  private final AuthorizationService authorizationService;
  private final List<String> created = new ArrayList<>();

  TestAuthorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** {@code type} is {@link Authorization#AUTH_TYPE_GLOBAL}, {@code _GRANT} or {@code _REVOKE}; user or group as it needs */
  void save(int type, String userId, String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization authorization = authorizationService.createNewAuthorization(type);
    authorization.setUserId(userId);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission);
    } else {
      authorization.addPermission(permission);
    }
    created.add(authorizationService.saveAuthorization(authorization).getId());
  }

  void removeAll() {
    created.forEach(authorizationService::deleteAuthorization);
    created.clear();
  }
}
