package com.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The group ids with any authorization, which the engine reads once in every command with an
 * authorization check, come from CaseDesk's index walk (db/engine/mapping/Authorization.xml): the
 * same groups as a {@code DISTINCT} over the table, each once, never {@code NULL} (user grants have
 * no group), on H2 and PostgreSQL.
 */
@CaseDeskIntegrationTest
class AuthorizedGroupIdsIT {

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizationService;
  @Autowired JdbcClient jdbc;

  @Test
  void the_engine_reads_each_group_with_a_grant_once_and_no_null() {
    List<String> created = new ArrayList<>();
    try {
      for (String group : List.of("probe-groups-a", "probe-groups-b", "probe-groups-a", "probe-groups-c")) {
        for (int task = 0; task < 3; task++) {
          created.add(grant(group, null, "probe-task-" + group + "-" + created.size()));
        }
      }
      created.add(grant(null, "probe-groups-user", "probe-task-of-a-user"));

      List<String> viaEngine = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getCommandExecutorTxRequired()
          .execute(context -> context.getDbEntityManager().selectList("selectAuthorizedGroupIds").stream()
              .map(group -> (String) group).toList());
      Set<String> distinct = new HashSet<>(jdbc.sql(
          "SELECT DISTINCT group_id_ FROM act_ru_authorization WHERE group_id_ IS NOT NULL").query(String.class).list());

      assertThat(viaEngine).doesNotContainNull().doesNotHaveDuplicates()
          .contains("probe-groups-a", "probe-groups-b", "probe-groups-c");
      assertThat(new HashSet<>(viaEngine)).isEqualTo(distinct);
    } finally {
      created.forEach(authorizationService::deleteAuthorization);
    }
  }

  private String grant(String group, String user, String taskId) {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setUserId(user);
    authorization.setResource(Resources.TASK);
    authorization.setResourceId(taskId);
    authorization.addPermission(Permissions.READ);
    return authorizationService.saveAuthorization(authorization).getId();
  }
}
