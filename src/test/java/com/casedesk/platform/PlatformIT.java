package com.casedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The application as an operator meets it: health, the webapps, and the hardened defaults. */
@CaseDeskIntegrationTest
class PlatformIT {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired DataSource dataSource;

  @Test
  void actuator_health_is_up_with_engine_database_and_calendar() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      System.out.println("PlatformIT runs on " + connection.getMetaData().getDatabaseProductName());
    }
    ResponseEntity<Map> health = rest.getForEntity("/actuator/health", Map.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).containsEntry("status", "UP");
    Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.getBody().get("components");
    assertThat(components.get("db")).containsEntry("status", "UP");
    assertThat(components.get("processEngine")).containsEntry("status", "UP");
    Map<String, Object> calendar = (Map<String, Object>) components.get("workingCalendar").get("details");
    assertThat(calendar).containsEntry("zone", "Asia/Shanghai").containsKey("yearsFallingBackToWeekends");
    assertThat((Iterable<Integer>) calendar.get("yearsWithHolidayData")).contains(2024, 2025, 2026);
  }

  @Test
  void tasklist_cockpit_and_admin_are_served() {
    for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
      ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
      assertThat(page.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void anonymous_engine_rest_gets_401() {
    ResponseEntity<String> anonymous = rest.getForEntity("/engine-rest/task?maxResults=1", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    // (a failed login delays that user's next attempts: the engine's brute-force protection)
    assertThat(rest.withBasicAuth("sz-sales", "wrong").getForEntity("/engine-rest/task?maxResults=1", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("sz-frontdesk", "demo").getForEntity("/engine-rest/task?maxResults=1", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void unbounded_queries_are_refused() {
    ResponseEntity<String> unbounded = rest.withBasicAuth("crc", "demo").getForEntity("/engine-rest/task", String.class);
    assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unbounded.getBody()).contains("unbound number of results");
  }

  @Test
  void admin_setup_is_closed_because_an_administrator_exists() {
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> setup = rest.postForEntity("/camunda/api/admin/setup/default/user/create",
        new HttpEntity<>("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}", headers),
        String.class);
    assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void engine_runs_with_authorizations_tenant_checks_and_deserialization_validation() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isTenantCheckEnabled()).isTrue();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
    // the test profile runs on audit (application-test.yaml); the shipped case-audit: models/CaseAuditHistoryIT
    assertThat(configuration.getHistory()).isEqualTo("audit");
  }

  @Test
  void only_a_process_owner_may_deploy_through_rest_as_camunda_modeler_does() {
    assertThat(deployAs("sz-frontdesk").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> deployed = deployAs("process-owner");
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(deployed.getBody()).containsEntry("name", "modeler-deploy-check");
  }

  @Test
  void the_h2_console_is_off_and_the_actuator_shows_only_health_info_and_metrics() {
    assertThat(rest.getForEntity("/h2-console", String.class).getStatusCode().value()).isIn(401, 403, 404);
    for (String hidden : new String[] {"env", "beans", "configprops", "heapdump", "threaddump", "loggers", "mappings"}) {
      assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/actuator/" + hidden, String.class)
          .getStatusCode().value()).as(hidden).isIn(401, 403, 404);
    }
    assertThat(rest.getForEntity("/actuator/info", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void the_webapps_send_security_headers_and_refuse_a_write_without_the_csrf_token() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/cockpit/default/", String.class);
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src");
    assertThat(page.getHeaders().getFirst("X-XSS-Protection")).isNotNull();
    // a login without the XSRF token the page hands out is refused
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit",
        new HttpEntity<>("username=admin&password=admin", headers), String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<Map> deployAs(String userId) {
    String model = Bpmn.convertToString(Bpmn.createExecutableProcess("modeler-deploy-check")
        .camundaHistoryTimeToLive(1).startEvent().endEvent().done());
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "modeler-deploy-check");
    form.add("deployment-source", "Camunda Modeler");
    form.add("data", new ByteArrayResource(model.getBytes()) {
      @Override
      public String getFilename() {
        return "modeler-deploy-check.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(userId, "demo")
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), Map.class);
  }
}
