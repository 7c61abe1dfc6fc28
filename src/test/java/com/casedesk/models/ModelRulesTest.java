package com.casedesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The house rules for every model in processes/, checked on the files process owners edit:
 * every user task has a form, a due date, a candidate group and records its SLA; every service
 * task calls a Spring bean through a delegate expression; every process keeps history for a
 * bounded time; every due date has an escalation (a timer on the task, or a timer event
 * sub-process around it). Bean names are checked
 * against the running application in {@code ModelBeansIT}.
 */
class ModelRulesTest {

  static final Path PROCESSES = Path.of("processes");
  /** a delegate expression ${bean}, or a method call bean.method( inside any expression */
  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{([a-zA-Z][a-zA-Z0-9]*)\\}\"");
  private static final Pattern METHOD_CALL = Pattern.compile("(?<![\\w.')])([a-zA-Z][a-zA-Z0-9]*)\\.[a-zA-Z]+\\(");

  static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  static BpmnModelInstance read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> every_model_follows_the_house_rules() throws IOException {
    List<String> calledOnly = new ArrayList<>();
    for (Path file : bpmnFiles()) {
      read(file).getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class)
          .forEach(call -> calledOnly.add(call.getCalledElement()));
    }
    return bpmnFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      BpmnModelInstance model = read(file);
      List<String> problems = new ArrayList<>();
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (!file.getFileName().toString().equals(process.getId() + ".bpmn")) {
          problems.add("file name must be the process id " + process.getId() + ".bpmn");
        }
        if (process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(process.getId() + " has no camunda:historyTimeToLive");
        }
      }
      Collection<BoundaryEvent> boundaries = model.getModelElementsByType(BoundaryEvent.class);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String id = task.getId();
        if (task.getCamundaFormRef() == null && task.getCamundaFormKey() == null) {
          problems.add(id + " has no form");
        }
        if (task.getCamundaDueDate() == null) {
          problems.add(id + " has no due date");
        }
        if (task.getCamundaCandidateGroups() == null) {
          problems.add(id + " has no candidate group");
        }
        if (task.getName() == null || task.getName().isBlank()) {
          problems.add(id + " has no name for Tasklist");
        }
        boolean recordsSla = task.getExtensionElements() != null && task.getExtensionElements()
            .getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
            .anyMatch(l -> "complete".equals(l.getCamundaEvent())
                && "${recordSlaEventListener}".equals(l.getCamundaDelegateExpression()));
        if (!recordsSla) {
          problems.add(id + " does not record its SLA (${recordSlaEventListener} on complete)");
        }
        boolean isEscalationTask = boundaries.stream().noneMatch(b -> b.getAttachedTo() == task)
            && task.getIncoming().stream().anyMatch(f -> f.getSource().getId().startsWith("ServiceTask_Escalate")
                || f.getSource().getId().startsWith("ServiceTask_Notify"));
        boolean hasEscalation = boundaries.stream().anyMatch(b -> b.getAttachedTo() == task)
            || enclosedByTimerEventSubProcess(task);
        if (!hasEscalation && !isEscalationTask) {
          problems.add(id + " has a deadline but no escalation (timer boundary event)");
        }
      }
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        if (task.getCamundaDelegateExpression() == null) {
          problems.add(task.getId() + " must call a bean with camunda:delegateExpression");
        }
        if (task.getCamundaClass() != null) {
          problems.add(task.getId() + " uses camunda:class; use a Spring bean");
        }
      }
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        // the result goes to the next step as a transient variable (models/DecisionResults), never stored
        boolean handedOn = task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
            .filterByType(CamundaInputOutput.class).list().stream()
            .flatMap(io -> io.getCamundaOutputParameters().stream())
            .anyMatch(out -> out.getTextContent().matches("\\$\\{decisionResults\\.(single|list)\\(decisionResult\\)}"));
        if (task.getCamundaDecisionRef() == null || task.getCamundaResultVariable() != null || !handedOn) {
          problems.add(task.getId() + " needs camunda:decisionRef and an output parameter ${decisionResults.single(decisionResult)}"
              + " (or .list) instead of camunda:resultVariable");
        }
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        boolean userStarted = start.getEventDefinitions().isEmpty() && start.getParentElement() instanceof Process process
            && !calledOnly.contains(process.getId());
        if (userStarted && start.getCamundaFormRef() == null && start.getCamundaFormKey() == null) {
          problems.add(start.getId() + " is started by a person but has no start form");
        }
      }
      assertThat(problems).as(file.toString()).isEmpty();
    }));
  }

  /**
   * A deadline shared by several tasks is modelled once: a non-interrupting timer event sub-process
   * in the sub-process that holds them.
   */
  static boolean enclosedByTimerEventSubProcess(UserTask task) {
    for (org.camunda.bpm.model.xml.instance.ModelElementInstance scope = task.getParentElement(); scope instanceof SubProcess sub;
        scope = sub.getParentElement()) {
      boolean timer = sub.getChildElementsByType(SubProcess.class).stream()
          .filter(SubProcess::triggeredByEvent)
          .flatMap(eventSub -> eventSub.getChildElementsByType(StartEvent.class).stream())
          .anyMatch(start -> !start.isInterrupting()
              && start.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance));
      if (timer && !sub.triggeredByEvent()) {
        return true;
      }
    }
    return false;
  }

  /** Names of the Spring beans the model's expressions call: delegate expressions and method calls. */
  static List<String> beanNames(Path file) throws IOException {
    String xml = Files.readString(file);
    List<String> names = new ArrayList<>();
    for (Pattern pattern : List.of(DELEGATE, METHOD_CALL)) {
      Matcher matcher = pattern.matcher(xml);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names.stream().distinct().sorted().toList();
  }
}
