package com.casedesk.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.DecisionRules;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/mass-complaint-early-warning.dmn: the threshold and window per category. */
class MassComplaintEarlyWarningDecisionTest {

  private static DecisionRules warning;

  @BeforeAll
  static void parse() throws Exception {
    warning = new DecisionRules("mass-complaint-early-warning.dmn", MassComplaintProcess.DECISION_EARLY_WARNING);
  }

  @ParameterizedTest(name = "{0} → {2} households in {3} h")
  @CsvSource({
      "sales,       Rule_Sales,   5, 72",
      "engineering, Rule_Default, 5, 24",
      "property,    Rule_Default, 5, 24",
      "design,      Rule_Default, 5, 24",
      "other,       Rule_Default, 5, 24"})
  void each_category_has_its_threshold_and_window(String category, String rule, int threshold, int hours) {
    DecisionRules.Evaluated evaluated = warning.evaluate(Map.of("category", category));
    assertThat(evaluated.rules()).containsExactly(rule);
    DmnDecisionResultEntries result = evaluated.result().getSingleResult();
    assertThat(result.<Number>getEntry("threshold").intValue()).isEqualTo(threshold);
    assertThat(result.<Number>getEntry("windowHours").intValue()).isEqualTo(hours);
  }

  @AfterAll
  static void every_rule_is_tested() throws Exception {
    warning.assertEveryRuleTested();
  }
}
