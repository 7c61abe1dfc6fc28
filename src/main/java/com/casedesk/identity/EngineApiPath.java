package com.casedesk.identity;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request goes in the engine's APIs: the REST API or the webapps' engine API. */
final class EngineApiPath {

  private EngineApiPath() {}

  /**
   * The path after the API's prefix ({@code /engine-rest} or {@code /camunda/api/engine}), e.g.
   * {@code /task/42/complete} or {@code /engine/default/task}, or null for any other request.
   */
  static String of(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/engine-rest/")) {
      return path.substring("/engine-rest".length());
    }
    if (path.startsWith("/camunda/api/engine/")) {
      return path.substring("/camunda/api/engine".length());
    }
    return null;
  }
}
