package com.casedesk.models;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
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
 *       supervisors' notes);
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
    return eventType instanceof HistoryEventTypes type && PRODUCED.contains(type);
  }
}
