package com.casedesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;

/** One DMN table of processes/, evaluated by the DMN engine, remembering which rules test rows hit. */
public final class DecisionRules {

  private final String file;
  private final List<String> matched = new ArrayList<>();
  private final Set<String> tested = new HashSet<>();
  private final DmnDecision decision;
  private final DmnEngine engine;

  public DecisionRules(String file, String decisionId) throws Exception {
    this.file = file;
    DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.<DmnDecisionTableEvaluationListener>of(
        (DmnDecisionTableEvaluationEvent event) -> event.getMatchingRules().forEach(rule -> matched.add(rule.getId()))));
    engine = configuration.buildEngine();
    try (InputStream model = DecisionRules.class.getResourceAsStream("/processes/" + file)) {
      decision = engine.parseDecision(decisionId, model);
    }
  }

  /** Evaluates the inputs; the rules matched are marked tested and returned. */
  public Evaluated evaluate(Map<String, Object> inputs) {
    matched.clear();
    DmnDecisionResult result = engine.evaluateDecision(decision, inputs);
    tested.addAll(matched);
    return new Evaluated(List.copyOf(matched), result);
  }

  public record Evaluated(List<String> rules, DmnDecisionResult result) {}

  public void assertEveryRuleTested() throws Exception {
    List<String> rules;
    try (InputStream model = DecisionRules.class.getResourceAsStream("/processes/" + file)) {
      rules = Dmn.readModelFromStream(model).getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
    }
    assertThat(tested).as("rules of " + file + " hit by a test row").containsExactlyInAnyOrderElementsOf(rules);
  }
}
