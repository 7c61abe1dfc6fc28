package com.casedesk.identity;

import com.casedesk.directory.Company;
import com.casedesk.directory.Contractor;
import com.casedesk.directory.Directory;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings Camunda identity in line with the role catalogue and the directory at every start:
 * one group per role, one tenant per frontline company, group-wide roles and contractor groups
 * in every tenant, the configured authorizations and the Tasklist filters. Only adds; never
 * removes what an administrator changed in Admin.
 */
@Component
class IdentityBootstrap {

  static final String ROLE_GROUP_TYPE = "WORKFLOW";
  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityService identityService;
  private final Grants grants;
  private final Directory directory;
  private final IdentityProperties properties;
  private final TasklistFilters tasklistFilters;

  IdentityBootstrap(IdentityService identityService, Grants grants,
      Directory directory, IdentityProperties properties, TasklistFilters tasklistFilters) {
    this.identityService = identityService;
    this.grants = grants;
    this.directory = directory;
    this.properties = properties;
    this.tasklistFilters = tasklistFilters;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  void synchronize() {
    List<Company> companies = directory.companies();
    List<Contractor> contractors = directory.contractors();
    for (Company company : companies) {
      ensureTenant(company.code(), company.name());
    }
    for (IdentityProperties.Role role : properties.roles()) {
      ensureGroup(role.id(), role.name());
      for (String application : role.applications()) {
        grants.grant(role.id(), Resources.APPLICATION, application, Permissions.ACCESS);
      }
      for (IdentityProperties.Grant grant : role.grants()) {
        Resource resource = PermissionNames.resource(grant.resource());
        Permission[] permissions = grant.permissions().stream()
            .map(name -> PermissionNames.permission(resource, name))
            .toArray(Permission[]::new);
        grants.grant(role.id(), resource, Authorization.ANY, permissions);
      }
      if (role.scope() == IdentityProperties.Scope.GROUP) {
        companies.forEach(company -> ensureTenantMembership(company.code(), role.id()));
      }
      if (role.scope() == IdentityProperties.Scope.CONTRACTOR) {
        for (Contractor contractor : contractors) {
          ensureGroup(contractor.groupId(), role.name() + "：" + contractor.name());
          companies.forEach(company -> ensureTenantMembership(company.code(), contractor.groupId()));
        }
      }
    }
    tasklistFilters.ensureFilters(properties.filters(), properties.roles().stream().map(IdentityProperties.Role::id).toList());
    LOG.info("Identity synchronized: {} roles, {} companies (tenants), {} contractors",
        properties.roles().size(), companies.size(), contractors.size());
  }

  private void ensureTenant(String tenantId, String name) {
    if (identityService.createTenantQuery().tenantId(tenantId).count() == 0) {
      Tenant tenant = identityService.newTenant(tenantId);
      tenant.setName(name);
      identityService.saveTenant(tenant);
      LOG.info("Created tenant {} ({})", tenantId, name);
    }
  }

  private void ensureGroup(String groupId, String name) {
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identityService.newGroup(groupId);
      group.setName(name);
      group.setType(ROLE_GROUP_TYPE);
      identityService.saveGroup(group);
      LOG.info("Created group {} ({})", groupId, name);
    }
  }

  private void ensureTenantMembership(String tenantId, String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).memberOfTenant(tenantId).count() == 0) {
      identityService.createTenantGroupMembership(tenantId, groupId);
    }
  }
}
