package com.casedesk.repair;

import com.casedesk.directory.Directory;
import com.casedesk.directory.StaffProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** The technicians (group repair-tech) of a company, from the engine's identity service. */
@Component
class Technicians {

  private final IdentityService identityService;
  private final Directory directory;

  Technicians(IdentityService identityService, Directory directory) {
    this.identityService = identityService;
    this.directory = directory;
  }

  List<User> of(String companyCode) {
    return identityService.createUserQuery()
        .memberOfGroup(RepairProcess.TECHNICIAN_GROUP)
        .memberOfTenant(companyCode)
        .orderByUserId().asc()
        .listPage(0, 500);
  }

  boolean isTechnicianOf(String companyCode, String userId) {
    return userId != null && identityService.createUserQuery()
        .userId(userId)
        .memberOfGroup(RepairProcess.TECHNICIAN_GROUP)
        .memberOfTenant(companyCode)
        .count() == 1;
  }

  /** The name staff and owners read: the staff directory's, else the Camunda user's, else the id. */
  String name(String userId) {
    if (userId == null) {
      return null;
    }
    Optional<String> listed = directory.staffProfile(userId).map(StaffProfile::displayName);
    if (listed.isPresent()) {
      return listed.get();
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getLastName() == null ? "" : user.getLastName()) + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
    return name.isEmpty() ? userId : name;
  }

  /** The options of the dispatch form's technician select: a JSON variable, as Tasklist's forms read it. */
  TypedValue options(String companyCode) {
    List<Map<String, String>> options = of(companyCode).stream()
        .map(user -> Map.of("label", name(user.getId()) + "（" + user.getId() + "）", "value", user.getId()))
        .toList();
    return SpinValues.jsonValue(Spin.JSON(options)).create();
  }
}
