package com.casedesk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a submitted task (or start) form may hold, checked on the server: Tasklist checks a
 * Camunda Form in the browser only, and the engine REST API takes any variables. Two layers:
 * <ul>
 *   <li>every variable: a {@code {"value": …, "type": …}} object; no serialized Java object; text
 *       without control characters (PostgreSQL cannot store NUL) and within the engine's 4,000
 *       characters;</li>
 *   <li>the variables the form has fields for (form-js schema): the field's type, {@code required},
 *       {@code minLength}/{@code maxLength}, {@code pattern}, {@code min}/{@code max}, and for a
 *       select or radio group one of its options. Disabled and read-only fields only show values.</li>
 * </ul>
 * Messages are what staff read (Chinese), each naming the field by its label.
 */
final class FormSubmissionRules {

  /** The engine keeps a text variable in a VARCHAR(4000) column. */
  static final int MAX_TEXT = 4000;

  private static final Set<String> VALUE_TYPES = Set.of("String", "Boolean", "Short", "Integer", "Long", "Double",
      "Date", "Null", "Json", "Object", "Bytes", "File");
  private static final Set<String> TEXT_FIELDS = Set.of("textfield", "textarea", "datetime");
  private static final Set<String> OPTION_FIELDS = Set.of("select", "radio");

  private FormSubmissionRules() {}

  /**
   * The problems of a submission, empty when there are none.
   *
   * @param variables the body's {@code variables} object (or null when the body has none)
   * @param form the deployed Camunda Form's schema, or null (an HTML form, no form at all)
   */
  static List<String> problems(JsonNode variables, JsonNode form) {
    List<String> problems = new ArrayList<>();
    if (variables != null && !variables.isNull() && !variables.isObject()) {
      problems.add("variables 应为对象");
      return problems;
    }
    if (variables != null && variables.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> variable = it.next();
        generic(variable.getKey(), variable.getValue(), form != null, problems);
      }
    }
    if (form != null && problems.isEmpty()) {
      fields(form.path("components"), variables, problems);
    }
    return problems;
  }

  private static void generic(String name, JsonNode variable, boolean camundaForm, List<String> problems) {
    if (variable == null || !variable.isObject()) {
      problems.add("变量 " + name + " 的格式应为 {\"value\": …, \"type\": …}");
      return;
    }
    String type = variable.path("type").asText("");
    if (!type.isEmpty() && !VALUE_TYPES.contains(type)) {
      problems.add("变量 " + name + " 的类型 " + type + " 不受支持");
      return;
    }
    if ("Object".equals(type)) {
      String format = variable.path("valueInfo").path("serializationDataFormat").asText("");
      if (!format.startsWith("application/json")) {
        problems.add("变量 " + name + " 只能以 JSON 提交，不接受其他序列化对象");
      }
    }
    if (camundaForm && ("Bytes".equals(type) || "File".equals(type))) {
      problems.add("变量 " + name + " 不能是文件（此表单不上传文件）");
    }
    JsonNode value = variable.get("value");
    if (value != null && value.isTextual() && !"File".equals(type) && !"Bytes".equals(type)) {
      text(name, value.asText(), problems);
    }
  }

  private static void text(String name, String value, List<String> problems) {
    if (value.length() > MAX_TEXT) {
      problems.add(name + "：最多" + MAX_TEXT + "个字符");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        problems.add(name + "：含有不可见的控制字符");
        return;
      }
    }
  }

  private static void fields(JsonNode components, JsonNode variables, List<String> problems) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        fields(component.get("components"), variables, problems);
      }
      String key = component.path("key").asText("");
      if (key.isEmpty() || component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false)) {
        continue;
      }
      JsonNode variable = variables == null ? null : variables.get(key);
      JsonNode value = variable == null ? null : variable.get("value");
      field(component, key, value == null || value.isNull() ? null : value, problems);
    }
  }

  private static void field(JsonNode component, String key, JsonNode value, List<String> problems) {
    String type = component.path("type").asText();
    String label = component.path("label").asText(key);
    JsonNode validate = component.path("validate");
    boolean empty = value == null || (value.isTextual() && value.asText().isEmpty());
    if (empty) {
      if (validate.path("required").asBoolean(false)) {
        problems.add(label + "：必填");
      }
      return;
    }
    if (TEXT_FIELDS.contains(type)) {
      if (!value.isTextual()) {
        problems.add(label + "：应为文本");
        return;
      }
      String text = value.asText();
      if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
        problems.add(label + "：至少" + validate.get("minLength").asInt() + "个字符");
      }
      if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
        problems.add(label + "：最多" + validate.get("maxLength").asInt() + "个字符");
      }
      if (validate.hasNonNull("pattern") && !matches(validate.get("pattern").asText(), text)) {
        problems.add(label + "：格式不正确");
      }
    } else if ("number".equals(type)) {
      if (!value.isNumber()) {
        problems.add(label + "：应为数字");
        return;
      }
      if (validate.has("min") && value.asDouble() < validate.get("min").asDouble()) {
        problems.add(label + "：不能小于" + validate.get("min").asText());
      }
      if (validate.has("max") && value.asDouble() > validate.get("max").asDouble()) {
        problems.add(label + "：不能大于" + validate.get("max").asText());
      }
    } else if ("checkbox".equals(type)) {
      if (!value.isBoolean()) {
        problems.add(label + "：应为是或否");
      }
    } else if (OPTION_FIELDS.contains(type) && component.path("values").isArray() && !component.path("values").isEmpty()) {
      boolean known = false;
      for (JsonNode option : component.get("values")) {
        known |= option.path("value").equals(value);
      }
      if (!known) {
        problems.add(label + "：不是可选的选项");
      }
    }
  }

  /** form-js tests the pattern as JavaScript's RegExp.test does: found anywhere in the text. */
  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException unusable) {
      return true;
    }
  }
}
