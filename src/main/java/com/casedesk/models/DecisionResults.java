package com.casedesk.models;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * {@code ${decisionResults}}: hands the result of a business rule task's decision to the step after
 * it as a transient variable, in an output parameter of the task (Camunda's "custom mapping of the
 * decision result"):
 *
 * <pre>{@code <camunda:outputParameter name="grading">${decisionResults.single(decisionResult)}</camunda:outputParameter>}</pre>
 *
 * <p>A decision's result is an intermediate value: the step after the task turns it into the
 * case's facts (severity, deadlines), which are stored. Kept as an ordinary variable (the
 * {@code camunda:resultVariable} mapping) it would be serialized to JSON and written to the
 * runtime and history tables, only to be removed again in the same transaction. A transient
 * variable lives until the transaction ends and is never written: the step reading it must follow
 * the task without a wait state or an asynchronous continuation in between (a retried job runs the
 * task again).
 */
@Component("decisionResults")
public class DecisionResults {

  /** The matched rule's outputs by name, or null if no rule matched (hit policy unique or first). */
  public TypedValue single(DmnDecisionResult result) {
    DmnDecisionResultEntries entries = result.getSingleResult();
    return entries == null ? Variables.untypedNullValue(true) : Variables.untypedValue(entries.getEntryMap(), true);
  }

  /** Every matched rule's outputs by name, in the order of the hit policy. */
  public TypedValue list(DmnDecisionResult result) {
    return Variables.untypedValue(result.getResultList(), true);
  }

  /**
   * The result handed on under the name. A process instance of a model version from before this
   * mapping stored it as an ordinary variable: that one is removed once read.
   */
  @SuppressWarnings("unchecked")
  public static <T> T take(DelegateExecution execution, String name) {
    TypedValue value = execution.getVariableTyped(name);
    if (value == null) {
      return null;
    }
    if (!value.isTransient()) {
      execution.removeVariable(name);
    }
    return (T) value.getValue();
  }
}
