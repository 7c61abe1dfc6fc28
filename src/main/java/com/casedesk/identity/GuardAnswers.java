package com.casedesk.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * What the guards in front of the engine APIs share: reading a body at most once and within a size,
 * and refusing a request with an answer shaped like the engine's own JSON error.
 */
final class GuardAnswers {

  private GuardAnswers() {}

  /** the body, or null after answering 413 when it is longer than {@code maxBytes} */
  static byte[] body(HttpServletRequest request, HttpServletResponse response, int maxBytes) throws IOException {
    byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return null;
    }
    return body;
  }

  static void refuse(HttpServletResponse response, ObjectMapper json, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(json.writeValueAsString(Map.of("type", "InvalidRequestException", "message", message)));
  }
}
