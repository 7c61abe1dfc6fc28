package com.casedesk.identity;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/** Resolves configured resource and permission names through the engine's public permission enums. */
final class PermissionNames {

  /** resource-specific enums first: they hold e.g. TASK_WORK and READ_HISTORY */
  private static final List<Permission[]> PERMISSION_SETS = List.of(
      TaskPermissions.values(),
      ProcessDefinitionPermissions.values(),
      ProcessInstancePermissions.values(),
      HistoricTaskPermissions.values(),
      HistoricProcessInstancePermissions.values(),
      BatchPermissions.values(),
      UserOperationLogCategoryPermissions.values(),
      SystemPermissions.values(),
      Permissions.values());

  private PermissionNames() {}

  static Resource resource(String name) {
    try {
      return Resources.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown Camunda resource type '" + name + "' in casedesk-roles.yaml", e);
    }
  }

  static Permission permission(Resource resource, String name) {
    return PERMISSION_SETS.stream()
        .flatMap(Stream::of)
        .filter(p -> p.getName().equals(name) && supports(p, resource))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "Permission '" + name + "' does not exist for resource " + resource.resourceName()
                + " (casedesk-roles.yaml)"));
  }

  private static boolean supports(Permission permission, Resource resource) {
    Resource[] types = permission.getTypes();
    return types == null || Stream.of(types).anyMatch(t -> t.resourceType() == resource.resourceType());
  }
}
