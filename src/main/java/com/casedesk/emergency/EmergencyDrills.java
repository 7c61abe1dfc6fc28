package com.casedesk.emergency;

import com.casedesk.directory.Directory;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code emergencyDrills} in processes/emergency-drill-schedule.bpmn: when drills run
 * ({@code casedesk.emergency.drill.cron}) and which companies they drill.
 */
@Component("emergencyDrills")
public class EmergencyDrills {

  private final EmergencyProperties properties;
  private final Directory directory;

  EmergencyDrills(EmergencyProperties properties, Directory directory) {
    this.properties = properties;
    this.directory = directory;
  }

  /** The schedule's 6-field Spring cron expression. */
  public String getCron() {
    return properties.drill().cron();
  }

  /** The companies to drill: those configured, or every company. */
  public List<String> companyCodes() {
    List<String> configured = properties.drill().companies();
    return configured == null || configured.isEmpty() ? directory.companyCodes() : configured;
  }
}
