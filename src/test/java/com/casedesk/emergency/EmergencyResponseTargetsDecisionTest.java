package com.casedesk.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import com.casedesk.support.DecisionRules;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of processes/emergency-response-targets.dmn: the target time of each step per level. */
class EmergencyResponseTargetsDecisionTest {

  private static DecisionRules targets;

  @BeforeAll
  static void parse() throws Exception {
    targets = new DecisionRules("emergency-response-targets.dmn", MassComplaintProcess.DECISION_TARGETS);
  }

  @ParameterizedTest(name = "level {0}")
  @ValueSource(strings = {"I", "II", "III"})
  void each_level_gets_a_target_for_every_step_it_has(String level) {
    DecisionRules.Evaluated evaluated = targets.evaluate(Map.of("level", level));
    Map<String, String> byStep = new LinkedHashMap<>();
    evaluated.result().forEach(row -> byStep.put(row.getEntry("step"), row.getEntry("target")));
    if ("I".equals(level)) {
      assertThat(byStep).containsExactly(
          Map.entry("alert", "PT15M"), Map.entry("assemble-team", "PT1H"), Map.entry("unified-reply", "PT2H"),
          Map.entry("owner-communication", "PT12H"), Map.entry("root-cause", "P2D"), Map.entry("liaison", "PT24H"),
          Map.entry("resolve", "P5D"), Map.entry("review", "P10D"));
    } else {
      assertThat(byStep).containsExactly(
          Map.entry("alert", "PT15M"), Map.entry("assemble-team", "PT2H"), Map.entry("unified-reply", "PT4H"),
          Map.entry("owner-communication", "PT24H"), Map.entry("root-cause", "P3D"), Map.entry("resolve", "P7D"),
          Map.entry("review", "P10D"));
    }
    byStep.keySet().forEach(step -> assertThat(ResponseStep.of(step)).as("a step the process measures: " + step).isPresent());
  }

  @AfterAll
  static void every_rule_is_tested() throws Exception {
    targets.assertEveryRuleTested();
  }
}
