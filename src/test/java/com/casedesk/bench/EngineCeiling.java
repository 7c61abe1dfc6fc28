package com.casedesk.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The engine's ceiling: the complaint model on a bare engine (no Spring, no CaseDesk code),
 * history level NONE, no authorization. The model is the one in processes/, with CaseDesk's logic
 * taken out: every service task's delegate becomes {@code ${null}}, every task and execution
 * listener is removed; the DMN tables still run. What the removed delegates would have computed
 * (deadlines, handling group, first-contact owner, reply mode, severity) is given as start
 * variables, so the same path is taken with the same user tasks, timers and jobs.
 */
final class EngineCeiling {

  private EngineCeiling() {}

  static ProcessEngine start(String jdbcUrl, String user, String password, SqlCounter counter) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(jdbcUrl);
    hikari.setUsername(user);
    hikari.setPassword(password);
    hikari.setMaximumPoolSize(10);
    DataSource dataSource = counter.wrap(new HikariDataSource(hikari));
    ProcessEngineConfiguration configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setDataSource(dataSource)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
        .setJobExecutorActivate(false)
        .setProcessEngineName("ceiling");
    // the model's working-day expressions (escalation points after the resolution deadline) on calendar days;
    // its business rule tasks hand their results on as transient variables (output parameters)
    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) configuration)
        .setBeans(Map.of("workingTime", new CalendarDays(), "decisionResults", new com.casedesk.models.DecisionResults()));
    ProcessEngine engine = configuration.buildProcessEngine();
    deploy(engine);
    return engine;
  }

  private static void deploy(ProcessEngine engine) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("ceiling")
        .enableDuplicateFiltering(true);
    try (var files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
        deployment.addInputStream(file.getFileName().toString(), Files.newInputStream(file));
      }
      try (InputStream bpmn = Files.newInputStream(Path.of("processes/complaint-handling.bpmn"))) {
        deployment.addModelInstance("complaint-handling.bpmn", withoutCaseDeskLogic(Bpmn.readModelFromStream(bpmn)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deployment.deploy();
  }

  static BpmnModelInstance withoutCaseDeskLogic(BpmnModelInstance model) {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      task.removeAttributeNs(org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
      task.setCamundaExpression("${null}");
    }
    for (ExtensionElements extensions : model.getModelElementsByType(ExtensionElements.class)) {
      List<ModelElementInstance> listeners = new java.util.ArrayList<>();
      listeners.addAll(extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list());
      listeners.addAll(extensions.getElementsQuery().filterByType(CamundaExecutionListener.class).list());
      listeners.forEach(extensions::removeChildElement);
    }
    return model;
  }

  /** What RegisterComplaint, ScheduleComplaintDeadlines and CheckUnifiedReply would have set. */
  static Map<String, Object> computedByCaseDesk() {
    Instant now = Instant.now();
    Map<String, Object> variables = new HashMap<>();
    variables.put("firstContactOwner", "sz-frontdesk");
    variables.put("reopenCount", 0);
    variables.put("severity", "ordinary");
    variables.put("handlingGroups", "property-service");
    variables.put("replyMode", "own");
    variables.put("replyDue", Date.from(now.plus(1, ChronoUnit.DAYS)));
    variables.put("resolutionDue", Date.from(now.plus(3, ChronoUnit.DAYS)));
    variables.put("gmEscalationWorkingDays", 1);
    variables.put("groupEscalationWorkingDays", 2);
    variables.put("callbackDue", Date.from(now.plus(2, ChronoUnit.DAYS)));
    return variables;
  }

  /** What the ceiling has for CaseDesk's working-time calendar: plain days. */
  public static final class CalendarDays {
    public Date addWorkingDays(Date from, int days) {
      return Date.from(from.toInstant().plus(days, ChronoUnit.DAYS));
    }
  }
}
