package com.casedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.TestProfiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile ({@code prod}, behind TLS): session and CSRF cookies are Secure and
 * SameSite, and browsers are told to keep to HTTPS (HSTS).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = ProductionProfileIT.WithProd.class)
class ProductionProfileIT {

  /** The profiles of the build (test, maybe postgres) plus prod. */
  static class WithProd extends TestProfiles {
    @Override
    public String[] resolve(Class<?> testClass) {
      List<String> profiles = new java.util.ArrayList<>(List.of(super.resolve(testClass)));
      profiles.add("prod");
      return profiles.toArray(String[]::new);
    }
  }

  @Autowired TestRestTemplate rest;

  @Test
  void cookies_are_secure_and_same_site_and_hsts_is_on() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/cockpit/default/", String.class);

    List<String> cookies = page.getHeaders().get("Set-Cookie");
    assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure")
        .contains("HttpOnly").contains("SameSite=Lax"));
    assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure")
        .contains("SameSite=Lax"));
    assertThat(page.getHeaders().getFirst("Strict-Transport-Security")).startsWith("max-age=");
  }
}
