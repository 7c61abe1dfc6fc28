package com.casedesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/defect-deadlines.dmn: a defect's category gives the contractor's deadline. */
class DefectDeadlinesDecisionTest {

  private static final List<String> matched = new ArrayList<>();
  private static final Set<String> tested = new HashSet<>();
  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.<DmnDecisionTableEvaluationListener>of(
        (DmnDecisionTableEvaluationEvent event) -> event.getMatchingRules().forEach(rule -> matched.add(rule.getId()))));
    engine = configuration.buildEngine();
    try (InputStream model = DefectDeadlinesDecisionTest.class.getResourceAsStream("/processes/defect-deadlines.dmn")) {
      decision = engine.parseDecision(HandoverProcess.DECISION_DEFECT_DEADLINES, model);
    }
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
    matched.clear();
    DmnDecisionResultEntries result = engine.evaluateDecision(decision, Map.of("category", category)).getSingleResult();
    assertThat(matched).containsExactly(rule);
    tested.add(rule);
    assertThat(result.<Number>getEntry("deadlineWorkingDays").intValue()).isEqualTo(days);
    assertThat(result.<Number>getEntry("gmEscalationWorkingDays").intValue()).isEqualTo(gmDays);
  }

  @AfterAll
  static void every_rule_is_tested() throws Exception {
    List<String> rules;
    try (InputStream model = DefectDeadlinesDecisionTest.class.getResourceAsStream("/processes/defect-deadlines.dmn")) {
      rules = Dmn.readModelFromStream(model).getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
    }
    assertThat(tested).as("rules of defect-deadlines.dmn hit by a test row").containsExactlyInAnyOrderElementsOf(rules);
  }
}
