package com.casedesk.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.CaseDeskIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A client that floods the owners' endpoints is slowed down: 429 with Retry-After, before any work. */
@CaseDeskIntegrationTest
@TestPropertySource(properties = "casedesk.owner.requests-per-minute=5")
class OwnerRateLimitIT {

  @LocalServerPort int port;

  @Test
  void the_sixth_request_within_a_minute_is_refused_with_429() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest track = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/owner/api/track"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"caseNumber\":\"TS-20991231-0001\",\"phone\":\"13800000001\"}")).build();
    for (int i = 0; i < 5; i++) {
      assertThat(http.send(track, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }
    HttpResponse<String> limited = http.send(track, HttpResponse.BodyHandlers.ofString());
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
    assertThat(limited.body()).contains("请求过于频繁");
  }
}
