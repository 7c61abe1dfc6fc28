package com.casedesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.DecisionRules;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/defect-deadlines.dmn: a defect's category gives the contractor's deadline. */
class DefectDeadlinesDecisionTest {

  private static DecisionRules deadlines;

  @BeforeAll
  static void parse() throws Exception {
    deadlines = new DecisionRules("defect-deadlines.dmn", HandoverProcess.DECISION_DEFECT_DEADLINES);
  }

  @ParameterizedTest(name = "{0} → {2} working days, GM after {3} more")
  @CsvSource({
      "waterproof,  Rule_Waterproof,   15, 5",
      "electrical,  Rule_Utilities,     3, 2",
      "plumbing,    Rule_Utilities,     3, 2",
      "door-window, Rule_DoorsWindows,  7, 3",
      "wall-floor,  Rule_Finishes,     10, 3",
      "fittings,    Rule_Finishes,     10, 3",
      "other,       Rule_Other,        10, 5"})
  void each_category_has_its_rectification_deadline(String category, String rule, int days, int gmDays) {
    DecisionRules.Evaluated evaluated = deadlines.evaluate(Map.of("category", category));
    assertThat(evaluated.rules()).containsExactly(rule);
    DmnDecisionResultEntries result = evaluated.result().getSingleResult();
    assertThat(result.<Number>getEntry("deadlineWorkingDays").intValue()).isEqualTo(days);
    assertThat(result.<Number>getEntry("gmEscalationWorkingDays").intValue()).isEqualTo(gmDays);
  }

  @AfterAll
  static void every_rule_is_tested() throws Exception {
    deadlines.assertEveryRuleTested();
  }
}
