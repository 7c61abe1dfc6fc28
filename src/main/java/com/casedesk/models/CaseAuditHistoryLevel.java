package com.casedesk.models;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The history level {@value #NAME} (Camunda's documented custom history level): what an auditor
 * asks of a closed case and CaseDesk's own tables do not answer. Selected with
 * {@code camunda.bpm.history-level: case-audit}; the decision and its measured effect are in
 * docs/performance.md ("The history level").
 *
 * <ul>
 *   <li>process instances: which case, started and ended when, by whom;
 *   <li>task instances: who did which step, when, against which due date;
 *   <li>the final value of each variable: what staff entered (replies, handling results,
 *       supervisors' notes), except the variables CaseDesk derives from the models, the DMN tables
 *       and the working-time calendar ({@code casedesk.history.derived-variables}: deadlines,
 *       working-day counts, texts for Tasklist), which say nothing an auditor cannot recompute or
 *       read from the task instances' due dates and CaseDesk's own tables, and except the variables
 *       whose final value a process's case record holds ({@code casedesk.history.case-record-variables},
 *       by process key: a complaint's intake data, reply, handling result and satisfaction are columns
 *       of {@code complaint_case});
 *   <li>incidents: which step failed, why, and when it was resolved.
 * </ul>
 *
 * Unlike {@code audit} it writes no activity instances: the path a case took through service
 * steps and gateways is re-derivable from the model and the variables, each escalation is a
 * message to the level above in {@code notification_outbox} (the highest level on the case), and
 * the steps people did are the task instances. Like {@code audit} it writes
 * no variable changes, job log, DMN evaluations or operation log; unlike it, it keeps incidents
 * (Camunda writes their history at {@code full} only).
 */
@Component
public class CaseAuditHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

  public static final String NAME = "case-audit";
  /** stored in ACT_GE_PROPERTY (historyLevel); Camunda's own levels are 0 (none) to 3 (full) */
  public static final int ID = 12;

  private static final Set<HistoryEventTypes> PRODUCED = EnumSet.of(
      HistoryEventTypes.PROCESS_INSTANCE_START,
      HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
      HistoryEventTypes.PROCESS_INSTANCE_MIGRATE,
      HistoryEventTypes.PROCESS_INSTANCE_END,
      HistoryEventTypes.TASK_INSTANCE_CREATE,
      HistoryEventTypes.TASK_INSTANCE_UPDATE,
      HistoryEventTypes.TASK_INSTANCE_MIGRATE,
      HistoryEventTypes.TASK_INSTANCE_COMPLETE,
      HistoryEventTypes.TASK_INSTANCE_DELETE,
      HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
      HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
      HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
      HistoryEventTypes.VARIABLE_INSTANCE_DELETE,
      HistoryEventTypes.INCIDENT_CREATE,
      HistoryEventTypes.INCIDENT_MIGRATE,
      HistoryEventTypes.INCIDENT_DELETE,
      HistoryEventTypes.INCIDENT_RESOLVE,
      HistoryEventTypes.INCIDENT_UPDATE);

  private static final Set<HistoryEventTypes> VARIABLE_EVENTS = EnumSet.of(
      HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
      HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
      HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
      HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

  private final Set<String> derivedVariables;
  /** variable name -> the keys of the processes whose case record holds its final value */
  private final Map<String, Set<String>> recordingProcesses = new HashMap<>();

  public CaseAuditHistoryLevel(Properties properties) {
    this.derivedVariables = properties.derivedVariables() == null
        ? Set.of() : Set.copyOf(properties.derivedVariables());
    if (properties.caseRecordVariables() != null) {
      properties.caseRecordVariables().forEach((processKey, names) -> names.forEach(name ->
          recordingProcesses.computeIfAbsent(name, any -> new HashSet<>()).add(processKey)));
    }
  }

  /**
   * {@code casedesk.history.*}.
   *
   * @param derivedVariables names of variables whose history {@value #NAME} does not write, in any
   *     process: values CaseDesk computes (a deadline, a number of working days from a DMN table, a
   *     text for Tasklist), never what a person entered. A variable written before its name was added
   *     keeps its history row as it was then; one written while its name was on the list gets a row
   *     at its first update after the name is removed (Camunda inserts a missing row on update).
   * @param caseRecordVariables by process key, the names of variables whose final value the process's
   *     case record (a CaseDesk table) holds, so that the engine's history need not; the same name in
   *     another process keeps its history. {@code CaseRecordVariablesIT} checks the record holds each.
   */
  @ConfigurationProperties("casedesk.history")
  public record Properties(Set<String> derivedVariables, Map<String, Set<String>> caseRecordVariables) {}

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    custom.add(this);
    configuration.setCustomHistoryLevels(custom);
  }

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (!(eventType instanceof HistoryEventTypes type) || !PRODUCED.contains(type)) {
      return false;
    }
    // the engine also asks without an entity (is any variable history written at all?): yes
    if (!VARIABLE_EVENTS.contains(type) || !(entity instanceof VariableInstance variable)) {
      return true;
    }
    if (derivedVariables.contains(variable.getName())) {
      return false;
    }
    Set<String> recording = recordingProcesses.get(variable.getName());
    return recording == null || !recording.contains(processKey(variable.getProcessDefinitionId()));
  }

  /**
   * The key in a process definition id ({@code key:version:uuid}); null for an id the engine made
   * without its key (a key too long for the column): such a variable keeps its history.
   */
  private static String processKey(String processDefinitionId) {
    int colon = processDefinitionId == null ? -1 : processDefinitionId.indexOf(':');
    return colon < 0 ? null : processDefinitionId.substring(0, colon);
  }
}
