package com.casedesk.emergency;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every task of a drill (the mass-complaint drill and its simulated complaints) is named with the
 * drill prefix (【演练】), so that nobody mistakes it for a real case in Tasklist. Listens to the
 * task events the Camunda Spring Boot starter publishes ({@code camunda.bpm.eventing.task}).
 */
@Component
class MarkDrillTasks {

  private final EmergencyProperties properties;

  MarkDrillTasks(EmergencyProperties properties) {
    this.properties = properties;
  }

  @EventListener
  public void onCreate(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      return;
    }
    String prefix = properties.drill().prefix();
    if (Boolean.TRUE.equals(task.getVariable("drill")) && task.getName() != null && !task.getName().startsWith(prefix)) {
      task.setName(prefix + task.getName());
    }
  }
}
