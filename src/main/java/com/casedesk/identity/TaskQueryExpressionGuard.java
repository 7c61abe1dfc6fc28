package com.casedesk.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Task queries never evaluate an expression a caller sends. The engine refuses expressions in
 * ad-hoc queries ({@code enableExpressionsInAdhocQueries} is off), but Camunda 7.24 CE does not
 * check the {@code orQueries} of a task query sent as JSON: there a {@code ${…}} would run with the
 * engine's expression manager (and its Spring beans). This filter sits in front of the engine REST
 * API ({@code /engine-rest}) and the webapps' engine API ({@code /camunda/api/engine}) and answers
 * 400, before the engine sees the request, when any parameter or any string anywhere in the JSON
 * body of a task query (ad hoc, counted, or extending a stored filter) holds {@code ${} or
 * {@code #{}. Stored filters keep their expressions (Tasklist's {@code ${currentUser()}}): those are
 * written by whoever may create filters and evaluated by the engine, not sent with the query.
 */
class TaskQueryExpressionGuard extends OncePerRequestFilter {

  /** The task query endpoints, after the API prefix. */
  private static final Pattern TASK_QUERY = Pattern.compile(
      "(/engine/[^/]+)?/(task|task/count|history/task|history/task/count|filter/[^/]+/(list|count|singleResult))/?");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final int MAX_BODY = 1 << 20;

  private final ObjectMapper json;

  TaskQueryExpressionGuard(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String api = EngineApiPath.of(request);
    return api == null || !TASK_QUERY.matcher(api).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      for (String value : parameter.getValue()) {
        if (EXPRESSION.matcher(value).find() || EXPRESSION.matcher(parameter.getKey()).find()) {
          refuse(response, "query parameter " + parameter.getKey());
          return;
        }
      }
    }
    if (request.getContentLengthLong() == 0 || "GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = GuardAnswers.body(request, response, MAX_BODY);
    if (body == null) {
      return;
    }
    if (body.length > 0) {
      JsonNode tree;
      try {
        tree = json.readTree(body);
      } catch (JsonProcessingException e) {
        tree = null;
      }
      if (tree == null || !tree.isObject()) {
        // the engine answers a malformed or blank query body with a 500; it is the caller's mistake
        respond(response, "请求体不是合法的 JSON 对象（任务查询）");
        return;
      }
      String where = expressionIn(tree, "body");
      if (where != null) {
        refuse(response, where);
        return;
      }
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** Where in the JSON a string (or a field name) holds an expression, or null. */
  private static String expressionIn(JsonNode node, String path) {
    if (node.isTextual()) {
      return EXPRESSION.matcher(node.asText()).find() ? path : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = expressionIn(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (EXPRESSION.matcher(field.getKey()).find()) {
        return path + " field name";
      }
      String found = expressionIn(field.getValue(), path + "." + field.getKey());
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private void refuse(HttpServletResponse response, String where) throws IOException {
    logger.warn("Refused a task query with an expression in " + where);
    respond(response, "任务查询不能包含表达式（${…} 或 #{…}）：" + where);
  }

  private void respond(HttpServletResponse response, String message) throws IOException {
    GuardAnswers.refuse(response, json, HttpServletResponse.SC_BAD_REQUEST, message);
  }
}
