package com.casedesk.models;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The extension properties ({@code camunda:properties}, the Modeler's "Extension properties") of
 * the BPMN element an execution is at: the fixed parameters of a step, such as which level an
 * escalation reaches and what is late. Unlike input parameters they are not variables: an input
 * parameter is a local variable written to history on every run of the step (three history rows
 * per escalation), a property is read from the deployed model.
 *
 * <p>A deployed definition never changes, so each element's properties are read from the model
 * once and kept by definition id and element id (a JFR profile of the timer storm had reading them
 * at 3.7 % of the job threads' samples).
 */
public final class ElementProperties {

  private static final Map<String, Map<String, String>> BY_ELEMENT = new ConcurrentHashMap<>();

  private ElementProperties() {}

  /**
   * The property's value; a model without it is a modelling error, named with element and process.
   * Instances of an earlier version of a model got the value as an input parameter (a local
   * variable of the step): that is read when the element has no such property.
   */
  public static String required(DelegateExecution execution, String name) {
    String value = BY_ELEMENT.computeIfAbsent(execution.getProcessDefinitionId() + "#" + execution.getCurrentActivityId(),
        element -> read(execution)).get(name);
    if (value != null) {
      return value;
    }
    Object inputParameter = execution.getVariableLocal(name);
    if (inputParameter != null) {
      return inputParameter.toString();
    }
    throw new IllegalStateException("BPMN element " + execution.getCurrentActivityId() + " of "
        + execution.getProcessDefinitionId() + " has no extension property '" + name + "'");
  }

  private static Map<String, String> read(DelegateExecution execution) {
    Map<String, String> values = new HashMap<>();
    FlowElement element = execution.getBpmnModelElementInstance();
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions != null) {
      for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
        for (CamundaProperty property : properties.getCamundaProperties()) {
          if (property.getCamundaName() != null && property.getCamundaValue() != null) {
            values.putIfAbsent(property.getCamundaName(), property.getCamundaValue());
          }
        }
      }
    }
    return Map.copyOf(values);
  }
}
