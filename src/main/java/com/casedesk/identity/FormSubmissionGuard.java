package com.casedesk.identity;

import com.casedesk.api.ApiCaller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks what staff submit when they complete a task through the engine APIs (Tasklist's
 * {@code submit-form}, a tool's {@code complete} or {@code resolve}) before the engine sees it,
 * by the task's own Camunda Form ({@link FormSubmissionRules}): a text over the form's limit, a
 * wrong type, a NUL or a serialized Java object is answered 400 naming the field, instead of being
 * stored and failing a job later (or a 500 from the database). A task that does not exist (done in
 * another tab) is a 404. The form is read as the engine: the caller's permissions are then checked
 * by the engine itself, as before.
 */
class FormSubmissionGuard extends OncePerRequestFilter {

  private static final Pattern TASK_SUBMISSION =
      Pattern.compile("(?:/engine/[^/]+)?/task/([^/]+)/(complete|submit-form|resolve)/?");
  private static final int MAX_BODY = 8 << 20;

  private final ObjectMapper json;
  private final TaskService taskService;
  private final FormService formService;
  private final ApiCaller caller;

  FormSubmissionGuard(ObjectMapper json, TaskService taskService, FormService formService, ApiCaller caller) {
    this.json = json;
    this.taskService = taskService;
    this.formService = formService;
    this.caller = caller;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || taskId(request) == null;
  }

  /** The task id of a submission to the engine REST API or the webapps' engine API, or null. */
  static String taskId(HttpServletRequest request) {
    String api = EngineApiPath.of(request);
    Matcher matcher = api == null ? null : TASK_SUBMISSION.matcher(api);
    return matcher != null && matcher.matches() ? matcher.group(1) : null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = GuardAnswers.body(request, response, MAX_BODY);
    if (body == null) {
      return;
    }
    JsonNode tree = null;
    if (body.length > 0) {
      try {
        tree = json.readTree(body);
      } catch (JsonProcessingException e) {
        tree = null;
      }
      if (tree == null || !tree.isObject()) {
        respond(response, HttpServletResponse.SC_BAD_REQUEST, "请求体不是合法的 JSON 对象");
        return;
      }
    }
    String taskId = taskId(request);
    Task task = caller.asEngine(() -> taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
    if (task == null) {
      respond(response, HttpServletResponse.SC_NOT_FOUND, "任务不存在或已办理（" + taskId + "）");
      return;
    }
    List<String> problems = FormSubmissionRules.problems(tree == null ? null : tree.get("variables"), form(task));
    if (!problems.isEmpty()) {
      logger.info("Refused a submission of task " + taskId + ": " + problems);
      respond(response, HttpServletResponse.SC_BAD_REQUEST, "表单内容有误：" + String.join("；", problems));
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** The task's Camunda Form schema, or null for an embedded HTML form or no deployed form. */
  private JsonNode form(Task task) {
    if (task.getCamundaFormRef() == null) {
      return null;
    }
    return caller.asEngine(() -> {
      try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
        JsonNode schema = json.readTree(form);
        return schema != null && schema.has("components") ? schema : null;
      } catch (IOException | RuntimeException unreadable) {
        logger.warn("No deployed form for task " + task.getId() + ": " + unreadable.getMessage());
        return null;
      }
    });
  }

  private void respond(HttpServletResponse response, int status, String message) throws IOException {
    GuardAnswers.refuse(response, json, status, message);
  }
}
