package com.casedesk.repair;

import java.util.List;
import java.util.Map;
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

  Technicians(IdentityService identityService) {
    this.identityService = identityService;
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

  String name(String userId) {
    User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
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
