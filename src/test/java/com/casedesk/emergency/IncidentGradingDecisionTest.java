package com.casedesk.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.support.DecisionRules;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/incident-grading.dmn: households, media and safety → level, who is told, update cycle. */
class IncidentGradingDecisionTest {

  private static DecisionRules grading;

  @BeforeAll
  static void parse() throws Exception {
    grading = new DecisionRules("incident-grading.dmn", MassComplaintProcess.DECISION_GRADING);
  }

  @ParameterizedTest(name = "{0} households, media {1}, safety {2} → {4}")
  @CsvSource({
      "3,   false, true,  Rule_SafetyRisk,     I,   'project-gm,group-crc,company-head', PT12H",
      "200, true,  true,  Rule_SafetyRisk,     I,   'project-gm,group-crc,company-head', PT12H",
      "5,   true,  false, Rule_Media,          I,   'project-gm,group-crc,company-head', PT12H",
      "50,  false, false, Rule_ManyHouseholds, I,   'project-gm,group-crc,company-head', PT12H",
      "49,  false, false, Rule_SomeHouseholds, II,  'project-gm,group-crc',              PT24H",
      "10,  false, false, Rule_SomeHouseholds, II,  'project-gm,group-crc',              PT24H",
      "9,   false, false, Rule_FewHouseholds,  III, 'project-gm,group-crc',              PT24H",
      "1,   false, false, Rule_FewHouseholds,  III, 'project-gm,group-crc',              PT24H"})
  void an_incident_is_graded_by_households_media_and_safety(int households, boolean media, boolean safety, String rule,
      String level, String notify, String cycle) {
    DecisionRules.Evaluated evaluated = grading.evaluate(
        Map.of("householdsAffected", households, "mediaAttention", media, "safetyRisk", safety));
    assertThat(evaluated.rules()).containsExactly(rule);
    DmnDecisionResultEntries result = evaluated.result().getSingleResult();
    assertThat(result.<String>getEntry("level")).isEqualTo(level);
    assertThat(result.<String>getEntry("notifyGroups")).isEqualTo(notify);
    assertThat(result.<String>getEntry("updateCycle")).isEqualTo(cycle);
  }

  @AfterAll
  static void every_rule_is_tested() throws Exception {
    grading.assertEveryRuleTested();
  }
}
