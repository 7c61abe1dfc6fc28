package com.casedesk.repair;

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

/**
 * Every rule of processes/repair-time-limits.dmn, evaluated by the DMN engine itself; each row is
 * named by the rule it must hit, and a rule no row hits fails the class.
 */
class RepairTimeLimitsDecisionTest {

  private static final List<String> matchedRules = new ArrayList<>();
  private static final Set<String> testedRules = new HashSet<>();
  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.<DmnDecisionTableEvaluationListener>of(
        (DmnDecisionTableEvaluationEvent event) -> event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()))));
    engine = configuration.buildEngine();
    try (InputStream model = RepairTimeLimitsDecisionTest.class.getResourceAsStream("/processes/repair-time-limits.dmn")) {
      decision = engine.parseDecision(RepairProcess.DECISION_TIME_LIMITS, model);
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} → {3}: on site {4}, completion {6}")
  @CsvSource({
      "in-home, water,       urgent, Rule_InHomeUrgent,          PT15M, false, PT4H,  PT15M",
      "in-home, door-window, urgent, Rule_InHomeUrgent,          PT15M, false, PT4H,  PT15M",
      "in-home, electric,    normal, Rule_InHomeWaterElectric,   PT24H, true,  PT4H,  PT2H",
      "in-home, drainage,    normal, Rule_InHomeWaterElectric,   PT24H, true,  PT4H,  PT2H",
      "in-home, waterproof,  normal, Rule_InHomeLeak,            PT24H, true,  P3D,   PT4H",
      "in-home, wall-floor,  normal, Rule_InHomeOther,           PT48H, true,  P1D,   PT4H",
      "public,  elevator,    urgent, Rule_PublicElevatorUrgent,  PT15M, false, PT2H,  PT15M",
      "public,  water,       urgent, Rule_PublicUtilityUrgent,   PT30M, false, PT4H,  PT30M",
      "public,  access,      urgent, Rule_PublicUrgent,          PT1H,  false, PT8H,  PT1H",
      "public,  elevator,    normal, Rule_PublicElevator,        PT2H,  false, PT24H, PT2H",
      "public,  access,      normal, Rule_PublicAccess,          PT4H,  false, PT24H, PT4H",
      "public,  electric,    normal, Rule_PublicUtility,         PT4H,  false, PT24H, PT4H",
      "public,  lighting,    normal, Rule_PublicLighting,        PT24H, false, PT48H, PT8H",
      "public,  wall-floor,  normal, Rule_PublicOther,           P2D,   false, P5D,   P1D"})
  void each_repair_gets_the_time_limits_of_its_rule(String locationType, String category, String urgency, String rule,
      String onSite, boolean byAppointment, String completion, String escalateAfter) {
    matchedRules.clear();
    DmnDecisionResultEntries result = engine.evaluateDecision(decision,
        Map.of("locationType", locationType, "category", category, "urgency", urgency)).getSingleResult();
    assertThat(matchedRules).as("first matching rule").first().isEqualTo(rule);
    testedRules.add(rule);
    assertThat(result.<String>getEntry("onSiteWithin")).isEqualTo(onSite);
    assertThat(result.<Boolean>getEntry("byAppointment")).isEqualTo(byAppointment);
    assertThat(result.<String>getEntry("completionWithin")).isEqualTo(completion);
    assertThat(result.<String>getEntry("escalateAfter")).isEqualTo(escalateAfter);
  }

  @AfterAll
  static void every_rule_is_tested() throws Exception {
    List<String> rules;
    try (InputStream model = RepairTimeLimitsDecisionTest.class.getResourceAsStream("/processes/repair-time-limits.dmn")) {
      rules = Dmn.readModelFromStream(model).getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
    }
    assertThat(testedRules).as("rules of repair-time-limits.dmn hit by a test row").containsExactlyInAnyOrderElementsOf(rules);
  }
}
