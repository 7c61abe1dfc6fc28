package com.casedesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A signed-in session of the Camunda webapps (Cockpit, Tasklist), as a browser has it: the
 * session cookie and the CSRF token, logged in through the webapps' own login endpoint.
 */
public final class WebappSession {

  private final HttpClient client;
  private final CookieManager cookies = new CookieManager();
  private final String base;

  private WebappSession(String base) {
    this.base = base;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Signs {@code user} in to {@code app} (cockpit, tasklist, admin) of the engine "default". */
  public static WebappSession login(int port, String app, String user, String password) {
    WebappSession session = new WebappSession("http://localhost:" + port);
    session.get("/camunda/app/" + app + "/default/");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> answer = session.send(HttpRequest.newBuilder(URI.create(session.base
            + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", session.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + " to " + app + " failed: " + answer.statusCode() + " " + answer.body());
    }
    return session;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build());
  }

  /** a JSON body posted as the webapps post it, with the session's CSRF token */
  public HttpResponse<String> post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
        .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
