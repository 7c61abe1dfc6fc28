package com.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.WebappSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The engine does not check revokes (application.yaml), so the database refuses a REVOKE
 * authorization instead of keeping one the engine would ignore: through the Java API, and through
 * the REST API and Admin's engine API as a 400 that says why; nothing is saved, and grants are saved as
 * before. With revokes checked again, a REVOKE is saved (the constraint is dropped).
 */
@CaseDeskIntegrationTest
class RevokeAuthorizationsRefusedIT {

  private static final String USER = "revoke-probe";

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizationService;
  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;
  @Autowired RevokeAuthorizationsRefused refused;

  @AfterEach
  void removeProbeAuthorizations() {
    authorizationService.createAuthorizationQuery().userIdIn(USER).list()
        .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
  }

  private long saved(int type) {
    return authorizationService.createAuthorizationQuery().userIdIn(USER).authorizationType(type).count();
  }

  private Authorization authorization(int type) {
    Authorization authorization = authorizationService.createNewAuthorization(type);
    authorization.setUserId(USER);
    authorization.setResource(Resources.TASK);
    authorization.setResourceId("some-task");
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(Permissions.READ);
    } else {
      authorization.addPermission(Permissions.READ);
    }
    return authorization;
  }

  @Test
  void the_engine_runs_without_checking_revokes() {
    assertThat(engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Test
  void a_revoke_is_refused_and_nothing_is_saved_while_a_grant_is_saved() {
    assertThatThrownBy(() -> authorizationService.saveAuthorization(authorization(Authorization.AUTH_TYPE_REVOKE)))
        .isInstanceOf(ProcessEngineException.class)
        .hasStackTraceContaining(RevokeAuthorizationsRefused.CONSTRAINT);
    assertThat(saved(Authorization.AUTH_TYPE_REVOKE)).isZero();

    authorizationService.saveAuthorization(authorization(Authorization.AUTH_TYPE_GRANT));
    assertThat(saved(Authorization.AUTH_TYPE_GRANT)).isOne();
  }

  @Test
  void admin_creating_a_revoke_through_the_rest_api_gets_400_saying_why() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String revoke = "{\"type\":2,\"permissions\":[\"READ\"],\"userId\":\"" + USER
        + "\",\"resourceType\":7,\"resourceId\":\"some-task\"}";

    ResponseEntity<String> answer = rest.withBasicAuth("admin", "admin")
        .postForEntity("/engine-rest/authorization/create", new HttpEntity<>(revoke, headers), String.class);

    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("不支持撤销（REVOKE）授权");
    assertThat(saved(Authorization.AUTH_TYPE_REVOKE)).isZero();

    ResponseEntity<String> grant = rest.withBasicAuth("admin", "admin").postForEntity("/engine-rest/authorization/create",
        new HttpEntity<>(revoke.replace("\"type\":2", "\"type\":1"), headers), String.class);
    assertThat(grant.getStatusCode()).as(grant.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(saved(Authorization.AUTH_TYPE_GRANT)).isOne();
  }

  @Test
  void admin_in_the_webapp_gets_the_same_answer() {
    WebappSession admin = WebappSession.login(port, "admin", "admin", "admin");
    assertThat(admin.post("/camunda/api/engine/engine/default/authorization/create", "{\"type\":2,\"permissions\":"
        + "[\"READ\"],\"userId\":\"" + USER + "\",\"resourceType\":7,\"resourceId\":\"some-task\"}").statusCode())
        .isEqualTo(400);
    assertThat(saved(Authorization.AUTH_TYPE_REVOKE)).isZero();
  }

  @Test
  void with_revokes_checked_a_revoke_is_saved_and_then_stops_a_start_without_revoke_checks() {
    RevokesChecked.during(engine, refused, () -> {
      authorizationService.saveAuthorization(authorization(Authorization.AUTH_TYPE_REVOKE));
      assertThat(saved(Authorization.AUTH_TYPE_REVOKE)).isOne();

      assertThatThrownBy(() -> refused.apply(engine, false))
          .hasMessageContaining("1 REVOKE authorizations exist").hasMessageContaining("authorization-check-revokes");
    }, this::removeProbeAuthorizations);
    assertThatThrownBy(() -> authorizationService.saveAuthorization(authorization(Authorization.AUTH_TYPE_REVOKE)))
        .hasStackTraceContaining(RevokeAuthorizationsRefused.CONSTRAINT);
  }
}
