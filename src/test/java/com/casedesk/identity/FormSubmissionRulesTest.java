package com.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormSubmissionRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text.replace('\'', '"'));
  }

  private static JsonNode form(String name) throws IOException {
    return JSON.readTree(Files.readString(Path.of("forms", name + ".form")));
  }

  private static final String FORM = """
      {'components': [
        {'type': 'textarea', 'key': 'note', 'label': '备注', 'validate': {'required': true, 'minLength': 2, 'maxLength': 5}},
        {'type': 'textfield', 'key': 'phone', 'label': '电话', 'validate': {'pattern': '^1[0-9]{10}$'}},
        {'type': 'number', 'key': 'charge', 'label': '费用', 'validate': {'min': 0, 'max': 100}},
        {'type': 'checkbox', 'key': 'done', 'label': '完成'},
        {'type': 'select', 'key': 'level', 'label': '级别', 'values': [{'label': '一般', 'value': 'ordinary'}]},
        {'type': 'textarea', 'key': 'shown', 'label': '只读', 'disabled': true, 'validate': {'maxLength': 1}},
        {'type': 'group', 'components': [{'type': 'textfield', 'key': 'inner', 'label': '内层', 'validate': {'required': true}}]}
      ]}""";

  @Test
  void a_submission_as_tasklist_sends_it_passes() throws IOException {
    assertThat(FormSubmissionRules.problems(json("""
        {'note': {'value': '已处理', 'type': 'String'}, 'phone': {'value': '13900000006'},
         'charge': {'value': 12.5, 'type': 'Double'}, 'done': {'value': true, 'type': 'Boolean'},
         'level': {'value': 'ordinary'}, 'shown': {'value': 'longer than one', 'type': 'String'},
         'inner': {'value': 'x'}, 'other': {'value': 7, 'type': 'Long'}}"""), json(FORM))).isEmpty();
  }

  @Test
  void each_field_rule_is_enforced_and_named_by_its_label() throws IOException {
    assertThat(FormSubmissionRules.problems(json("""
        {'note': {'value': '太长了的备注内容'}, 'phone': {'value': '12345'}, 'charge': {'value': 101},
         'done': {'value': 'yes'}, 'level': {'value': 'major'}}"""), json(FORM)))
        .containsExactly("备注：最多5个字符", "电话：格式不正确", "费用：不能大于100", "完成：应为是或否",
            "级别：不是可选的选项", "内层：必填");
    assertThat(FormSubmissionRules.problems(json("{'note': {'value': 'x'}, 'inner': {'value': 'x'}, 'charge': {'value': -1}}"),
        json(FORM))).containsExactly("备注：至少2个字符", "费用：不能小于0");
    assertThat(FormSubmissionRules.problems(json("{'note': {'value': 42, 'type': 'Integer'}, 'inner': {'value': 'x'}}"),
        json(FORM))).containsExactly("备注：应为文本");
    assertThat(FormSubmissionRules.problems(json("{'note': {'value': ''}, 'inner': {'value': 'x'}}"), json(FORM)))
        .containsExactly("备注：必填");
  }

  @Test
  void every_variable_is_a_value_object_of_a_known_type_without_java_serialization() throws IOException {
    assertThat(FormSubmissionRules.problems(json("{'replyText': null}"), null))
        .containsExactly("变量 replyText 的格式应为 {\"value\": …, \"type\": …}");
    assertThat(FormSubmissionRules.problems(json("{'x': {'value': 'a', 'type': 'Script'}}"), null))
        .containsExactly("变量 x 的类型 Script 不受支持");
    assertThat(FormSubmissionRules.problems(json("""
        {'x': {'value': 'rO0AB', 'type': 'Object', 'valueInfo': {'objectTypeName': 'java.lang.Runtime',
               'serializationDataFormat': 'application/x-java-serialized-object'}}}"""), null))
        .containsExactly("变量 x 只能以 JSON 提交，不接受其他序列化对象");
    assertThat(FormSubmissionRules.problems(json("""
        {'x': {'value': '[1]', 'type': 'Object', 'valueInfo': {'serializationDataFormat': 'application/json'}}}"""), null))
        .isEmpty();
    assertThat(FormSubmissionRules.problems(json("[1]"), null)).containsExactly("variables 应为对象");
  }

  @Test
  void text_is_within_what_the_engine_and_postgresql_can_store() throws IOException {
    JsonNode variables = JSON.createObjectNode()
        .set("long", JSON.createObjectNode().put("value", "渗".repeat(4001)).put("type", "String"));
    assertThat(FormSubmissionRules.problems(variables, null)).containsExactly("long：最多4000个字符");
    assertThat(FormSubmissionRules.problems(JSON.createObjectNode()
        .set("nul", JSON.createObjectNode().put("value", "已处理\u0000完毕")), null)).containsExactly("nul：含有不可见的控制字符");
    assertThat(FormSubmissionRules.problems(JSON.createObjectNode()
        .set("lines", JSON.createObjectNode().put("value", "第一行\r\n第二行\t完")), null)).isEmpty();
  }

  @Test
  void files_only_where_the_form_uploads_them() throws IOException {
    String file = "{'photo': {'value': 'iVBORw0K', 'type': 'File', 'valueInfo': {'filename': 'a.png'}}}";
    assertThat(FormSubmissionRules.problems(json(file), json(FORM))).contains("变量 photo 不能是文件（此表单不上传文件）");
    assertThat(FormSubmissionRules.problems(json(file), null)).isEmpty();
  }

  @Test
  void the_deployed_reply_form_limits_the_reply_to_500_characters() throws IOException {
    JsonNode reply = form("complaint-reply");
    assertThat(FormSubmissionRules.problems(JSON.createObjectNode()
        .set("replyText", JSON.createObjectNode().put("value", "渗".repeat(501))), reply))
        .singleElement().asString().endsWith("最多500个字符");
    assertThat(FormSubmissionRules.problems(JSON.createObjectNode()
        .set("replyText", JSON.createObjectNode().put("value", "您好，已收到您的投诉。")), reply)).isEmpty();
  }
}
