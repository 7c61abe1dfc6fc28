package com.casedesk.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;

/** Which history events {@code case-audit} writes, event type by event type and variable by variable. */
class CaseAuditHistoryLevelTest {

  private final CaseAuditHistoryLevel level = new CaseAuditHistoryLevel(new CaseAuditHistoryLevel.Properties(
      Set.of("replyDue", "labels"), Map.of("complaint-handling", Set.of("description", "handlingResult"))));

  @Test
  void a_derived_variable_writes_no_history_whatever_happens_to_it() {
    VariableInstance replyDue = variable("replyDue");
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, replyDue)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, replyDue)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE, replyDue)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_DELETE, replyDue)).isFalse();
  }

  @Test
  void what_staff_entered_is_kept() {
    VariableInstance replyText = variable("replyText");
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, replyText)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, replyText)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_DELETE, replyText)).isTrue();
  }

  @Test
  void a_variable_the_processes_case_record_holds_writes_no_history_in_that_process_only() {
    VariableInstance complaintDescription = variable("description", "complaint-handling:4:0b7c");
    VariableInstance repairDescription = variable("description", "home-repair:2:9f1e");
    for (HistoryEventTypes type : List.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE)) {
      assertThat(level.isHistoryEventProduced(type, complaintDescription)).as("%s in a complaint", type).isFalse();
      assertThat(level.isHistoryEventProduced(type, repairDescription)).as("%s in a repair", type).isTrue();
    }
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
        variable("replyMode", "complaint-handling:4:0b7c"))).as("not on the list").isTrue();
  }

  @Test
  void a_definition_id_without_its_key_keeps_the_history() {
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
        variable("description", "0b7c5e2a-d4f1-11f1-9d4e-0242ac120002"))).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
        variable("description", null))).isTrue();
  }

  @Test
  void asked_without_a_variable_the_level_writes_variable_history() {
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, null)).isTrue();
  }

  @Test
  void without_the_setting_every_variable_is_kept() {
    CaseAuditHistoryLevel unset = new CaseAuditHistoryLevel(new CaseAuditHistoryLevel.Properties(null, null));
    VariableInstance labels = variable("labels");
    assertThat(unset.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, labels)).isTrue();
  }

  @Test
  void activity_instances_and_the_operation_log_are_not_written_incidents_are() {
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.ACTIVITY_INSTANCE_START, null)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.USER_OPERATION_LOG, null)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.INCIDENT_CREATE, null)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.TASK_INSTANCE_COMPLETE, null)).isTrue();
  }

  /** what the engine hands the level: the variable instance (the engine's entity implements this) */
  private static VariableInstance variable(String name) {
    return variable(name, "complaint-handling:1:a1");
  }

  private static VariableInstance variable(String name, String processDefinitionId) {
    VariableInstance variable = mock(VariableInstance.class);
    when(variable.getName()).thenReturn(name);
    when(variable.getProcessDefinitionId()).thenReturn(processDefinitionId);
    return variable;
  }
}
