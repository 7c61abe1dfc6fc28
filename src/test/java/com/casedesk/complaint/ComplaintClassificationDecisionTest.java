package com.casedesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every rule of processes/complaint-classification.dmn, evaluated by the DMN engine itself. */
class ComplaintClassificationDecisionTest {

  private static Map<String, DmnDecision> decisions = new HashMap<>();
  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @BeforeAll
  static void parse() throws Exception {
    try (InputStream model = ComplaintClassificationDecisionTest.class.getResourceAsStream("/processes/complaint-classification.dmn")) {
      List<DmnDecision> parsed = ENGINE.parseDecisions(model);
      parsed.forEach(decision -> decisions.put(decision.getKey(), decision));
    }
  }

  private static DmnDecisionResultEntries evaluate(String decision, Map<String, Object> variables) {
    return ENGINE.evaluateDecision(decisions.get(decision), variables).getSingleResult();
  }

  private static Map<String, Object> complaint(String description, String category, String subcategory, String channel) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("description", description);
    variables.put("category", category);
    variables.put("subcategory", subcategory);
    variables.put("channel", channel);
    return variables;
  }

  @Nested
  class Routing {

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource({
        "engineering, leakage, engineering",
        "design, layout, engineering",
        "sales, contract, sales",
        "property, cleaning, property-service",
        "other, , cs-supervisor",
        "engineering, parking, property-service"})
    void each_category_goes_to_its_department(String category, String subcategory, String group) {
      assertThat(evaluate("complaint-routing", complaint("x", category, subcategory, "frontdesk"))
          .<String>getEntry("responsibleGroup")).isEqualTo(group);
    }
  }

  @Nested
  class Grading {

    @Test
    void media_attention_makes_a_complaint_major_with_seven_working_days() {
      DmnDecisionResultEntries result = evaluate("complaint-grading",
          complaint("业主称要联系媒体曝光小区渗漏问题", "engineering", "leakage", "forum"));
      assertThat(result.<String>getEntry("severity")).isEqualTo("major");
      assertThat(result.<Integer>getEntry("resolutionWorkingDays")).isEqualTo(7);
      assertThat(result.<Integer>getEntry("replyWithinHours")).isEqualTo(24);
    }

    @Test
    void a_safety_hazard_is_major() {
      assertThat(evaluate("complaint-grading", complaint("楼道配电箱漏电，存在安全隐患", "property", null, "frontdesk"))
          .<String>getEntry("severity")).isEqualTo("major");
    }

    @Test
    void a_broken_marketing_promise_is_major() {
      assertThat(evaluate("complaint-grading", complaint("交房时电梯并非宣传的进口品牌", "sales", "promise", "letter"))
          .<String>getEntry("severity")).isEqualTo("major");
    }

    @Test
    void a_hotline_complaint_is_answered_the_same_day() {
      DmnDecisionResultEntries result = evaluate("complaint-grading",
          complaint("门窗关不严", "engineering", "doors-windows", "hotline"));
      assertThat(result.<String>getEntry("severity")).isEqualTo("ordinary");
      assertThat(result.<Boolean>getEntry("replySameDay")).isTrue();
      assertThat(result.<Integer>getEntry("resolutionWorkingDays")).isEqualTo(3);
    }

    @Test
    void an_ordinary_complaint_gets_24_hours_3_working_days_and_escalates_after_1_and_2_days() {
      DmnDecisionResultEntries result = evaluate("complaint-grading",
          complaint("垃圾清运不及时", "property", "cleaning", "frontdesk"));
      assertThat(result.<String>getEntry("severity")).isEqualTo("ordinary");
      assertThat(result.<Integer>getEntry("replyWithinHours")).isEqualTo(24);
      assertThat(result.<Boolean>getEntry("replySameDay")).isFalse();
      assertThat(result.<Integer>getEntry("resolutionWorkingDays")).isEqualTo(3);
      assertThat(result.<Integer>getEntry("gmEscalationWorkingDays")).isEqualTo(1);
      assertThat(result.<Integer>getEntry("groupEscalationWorkingDays")).isEqualTo(2);
    }

    @Test
    void a_media_keyword_wins_over_the_hotline_rule() {
      assertThat(evaluate("complaint-grading", complaint("已向记者反映", "property", null, "hotline"))
          .<String>getEntry("severity")).isEqualTo("major");
    }
  }
}
