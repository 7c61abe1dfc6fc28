package com.casedesk.identity;

import com.casedesk.directory.Contractor;
import com.casedesk.directory.Directory;
import com.casedesk.directory.StaffProfile;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the demo users of each role (demo profile only), after {@link IdentityBootstrap} made
 * the groups and tenants. A user of a company joins that company's tenant; a contractor's user
 * joins its contractor group. Existing users keep their password.
 */
@Component
@Profile("demo")
class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;
  private final Directory directory;
  private final DemoProperties demo;

  DemoUsers(IdentityService identityService, Directory directory, DemoProperties demo) {
    this.identityService = identityService;
    this.directory = directory;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  void createDemoUsers() {
    if (!StringUtils.hasText(demo.password())) {
      throw new IllegalStateException("casedesk.demo.password (CASEDESK_DEMO_PASSWORD) must be set in the demo profile");
    }
    int created = 0;
    for (DemoProperties.DemoUser demoUser : demo.users()) {
      if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identityService.newUser(demoUser.id());
        user.setFirstName(demoUser.name().substring(1));
        user.setLastName(demoUser.name().substring(0, 1));
        user.setEmail(demoUser.id() + "@casedesk.example");
        user.setPassword(demo.password());
        identityService.saveUser(user);
        created++;
      }
      for (String group : demoUser.groups()) {
        ensureGroupMembership(demoUser.id(), group);
      }
      if (demoUser.contractor() != null) {
        ensureGroupMembership(demoUser.id(), Contractor.GROUP_PREFIX + demoUser.contractor());
      }
      if (demoUser.company() != null
          && identityService.createTenantQuery().userMember(demoUser.id()).tenantId(demoUser.company()).count() == 0) {
        identityService.createTenantUserMembership(demoUser.company(), demoUser.id());
      }
      directory.saveStaffProfile(new StaffProfile(demoUser.id(), demoUser.name(), demoUser.company(),
          demoUser.contractor(), demoUser.title(), null));
    }
    LOG.info("Demo users: {} configured, {} created", demo.users().size(), created);
  }

  private void ensureGroupMembership(String userId, String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      throw new IllegalStateException("Demo user " + userId + " names unknown group " + groupId);
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }
}
