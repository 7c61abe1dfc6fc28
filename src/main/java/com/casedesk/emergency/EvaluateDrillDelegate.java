package com.casedesk.emergency;

import com.casedesk.emergency.MassComplaintProcess.Var;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code ${evaluateDrillDelegate}}: evaluates the closed drill and shows the result in the last
 * task's form: a summary ({@code drillEvaluationText}) and a table of steps ({@code drillEvaluationSteps}).
 */
@Component
class EvaluateDrillDelegate implements JavaDelegate {

  private final DrillEvaluations evaluations;

  EvaluateDrillDelegate(DrillEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DrillEvaluations.Evaluation evaluation = evaluations.evaluate(execution.getProcessBusinessKey());
    List<Map<String, Object>> rows = evaluation.steps().stream().map(step -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", step.name());
      row.put("target", DrillEvaluations.minutes(step.targetMinutes()));
      row.put("actual", step.actualMinutes() == null ? "未完成" : DrillEvaluations.minutes(step.actualMinutes()));
      row.put("result", step.passed() ? "达标" : "未达标");
      return row;
    }).toList();
    execution.setVariable(Var.DRILL_PASSED, evaluation.passed());
    execution.setVariable(Var.DRILL_EVALUATION_TEXT, DrillEvaluations.text(evaluation));
    execution.setVariable("drillEvaluationSteps", SpinValues.jsonValue(Spin.JSON(rows)).create());
  }
}
