package com.casedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Simplified Chinese of the Camunda webapps: each app's locales/zh.json (ours, under
 * src/main/resources/META-INF/resources/webjars/camunda/app/) has exactly the keys of the English
 * locales/en.json shipped in the Camunda webjar, a translation for every English text, and keeps
 * what the apps fill in or render: {{placeholders}}, HTML tags, HTML entities and moment's %d/%s.
 * Every app's scripts/config.js takes its language from the shared casedesk-locale.js.
 */
class WebappLocalesTest {

  private static final String APP = "/META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern HTML_TAG = Pattern.compile(
      "</?(?:a|b|br|code|em|i|li|ol|p|span|strong|ul)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENTITY = Pattern.compile("&(?:[a-zA-Z]+|#\\d+);");
  private static final Pattern MOMENT_TOKEN = Pattern.compile("%[ds]");

  @ParameterizedTest(name = "{0}: zh.json has the keys of the shipped en.json")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chinese_has_exactly_the_keys_of_english(String app) throws IOException {
    Map<String, JsonNode> english = leaves(read(app, "en.json"));
    Map<String, JsonNode> chinese = leaves(read(app, "zh.json"));

    List<String> missing = new ArrayList<>(english.keySet());
    missing.removeAll(chinese.keySet());
    List<String> extra = new ArrayList<>(chinese.keySet());
    extra.removeAll(english.keySet());
    assertThat(missing).as(app + "/locales/zh.json lacks keys of en.json").isEmpty();
    assertThat(extra).as(app + "/locales/zh.json has keys that en.json does not").isEmpty();

    for (Map.Entry<String, JsonNode> entry : english.entrySet()) {
      JsonNode en = entry.getValue();
      JsonNode zh = chinese.get(entry.getKey());
      assertThat(zh.getNodeType()).as(app + ": type of " + entry.getKey()).isEqualTo(en.getNodeType());
      if (en.isArray()) {
        assertThat(zh.size()).as(app + ": entries of " + entry.getKey()).isEqualTo(en.size());
      }
    }
  }

  @ParameterizedTest(name = "{0}: every text translated, placeholders and markup kept")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void translations_keep_placeholders_markup_and_entities(String app) throws IOException {
    Map<String, String> english = texts(read(app, "en.json"));
    Map<String, String> chinese = texts(read(app, "zh.json"));
    List<String> problems = new ArrayList<>();
    english.forEach((key, en) -> {
      String zh = chinese.get(key);
      if (zh == null) {
        return; // reported by the key test
      }
      if (!en.isBlank() && zh.isBlank()) {
        problems.add(key + ": empty translation");
      }
      check(problems, key, "placeholders", PLACEHOLDER, en, zh);
      check(problems, key, "HTML tags", HTML_TAG, en, zh);
      check(problems, key, "HTML entities", ENTITY, en, zh);
      check(problems, key, "moment tokens", MOMENT_TOKEN, en, zh);
    });
    assertThat(problems).as(app + "/locales/zh.json").isEmpty();
  }

  @ParameterizedTest(name = "{0}: scripts/config.js takes its language from casedesk-locale.js")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void every_app_takes_its_language_from_the_shared_module(String app) throws IOException {
    // ours comes first on the classpath, before the webjar's
    URL config = WebappLocalesTest.class.getResource(APP + app + "/scripts/config.js");
    assertThat(config).as(app + "/scripts/config.js").isNotNull();
    String source;
    try (InputStream in = config.openStream()) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(source)
        .as(app + "/scripts/config.js (" + config + ")")
        .contains("from '../../casedesk-locale.js';")
        .contains("vendor: 'CaseDesk'");
  }

  @Test
  void the_shared_module_defaults_to_chinese_and_offers_only_the_choice() throws IOException {
    URL module = WebappLocalesTest.class.getResource(APP + "casedesk-locale.js");
    assertThat(module).as("casedesk-locale.js").isNotNull();
    String source;
    try (InputStream in = module.openStream()) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(source)
        .contains("const STORAGE_KEY = 'casedesk.locale';")
        .contains("const DEFAULT_LOCALE = 'zh';")
        .contains("export const locales = {availableLocales: [locale], fallbackLocale: locale};");
  }

  private static void check(List<String> problems, String key, String what, Pattern pattern, String en, String zh) {
    List<String> expected = all(pattern, en);
    List<String> actual = all(pattern, zh);
    if (!expected.equals(actual)) {
      problems.add(key + ": " + what + " " + actual + " instead of " + expected);
    }
  }

  /** Every match, sorted (a translation may reorder them); placeholders by their expression ({{ name }} is {{name}}). */
  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
    }
    Collections.sort(found);
    return found;
  }

  private static JsonNode read(String app, String file) throws IOException {
    String path = APP + app + "/locales/" + file;
    try (InputStream in = WebappLocalesTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path + " on the classpath").isNotNull();
      // the webjar's files start with a byte order mark, which Jackson skips in a byte stream
      return JSON.readTree(in);
    }
  }

  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new TreeMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  /** Every text, arrays' entries included (dateLocales.months[0] …). */
  private static Map<String, String> texts(JsonNode root) {
    Map<String, String> texts = new TreeMap<>();
    leaves(root).forEach((path, node) -> {
      if (node.isTextual()) {
        texts.put(path, node.asText());
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          if (node.get(i).isTextual()) {
            texts.put(path + "[" + i + "]", node.get(i).asText());
          }
        }
      }
    });
    return texts;
  }
}
