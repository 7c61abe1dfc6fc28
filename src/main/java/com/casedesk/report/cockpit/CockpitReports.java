package com.casedesk.report.cockpit;

import com.casedesk.report.SlaReportService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/**
 * Hands the Spring-managed report service to the plugin's JAX-RS resources, which Cockpit's Jersey
 * application creates without Spring: one entry per process engine (by name), as Cockpit itself
 * finds engines by name.
 */
@Component
class CockpitReports {

  record Services(SlaReportService reports, ObjectMapper json) {}

  private static final Map<String, Services> BY_ENGINE = new ConcurrentHashMap<>();

  CockpitReports(ProcessEngine engine, SlaReportService reports, ObjectMapper json) {
    BY_ENGINE.put(engine.getName(), new Services(reports, json));
  }

  static Services forEngine(String engineName) {
    Services services = BY_ENGINE.get(engineName);
    if (services == null) {
      throw new IllegalStateException("No CaseDesk reports for process engine " + engineName);
    }
    return services;
  }
}
