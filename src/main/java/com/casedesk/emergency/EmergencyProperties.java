package com.casedesk.emergency;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Mass-complaint and drill settings that are configuration rather than DMN
 * ({@code casedesk.emergency.*}). Thresholds, grades and step targets are in
 * mass-complaint-early-warning.dmn, incident-grading.dmn and emergency-response-targets.dmn.
 *
 * @param reportGroups who may read drill evaluations (for the companies they work for)
 * @param drill the drill schedule and the simulated mass complaint a drill starts with
 * @param labels how codes (level, step, source) read for staff
 * @param messages texts to staff and owners; each {name} is filled from the incident's variables
 */
@Validated
@ConfigurationProperties("casedesk.emergency")
record EmergencyProperties(
    List<String> reportGroups,
    Drill drill,
    Map<String, Map<String, String>> labels,
    Messages messages) {

  /**
   * @param cron when the schedule starts a drill in every company (6-field Spring cron)
   * @param companies the companies drilled by the schedule (empty: all)
   * @param complaints simulated complaints each drill creates
   * @param category category of the simulated complaints
   * @param householdsAffected households the simulated incident affects (grades it)
   * @param description what the simulated owners complain about
   * @param prefix put before every task name and staff message of a drill
   */
  record Drill(
      @NotBlank String cron,
      List<String> companies,
      @Min(1) int complaints,
      @NotBlank String category,
      @Min(1) int householdsAffected,
      @NotBlank String description,
      @NotBlank String prefix) {}

  record Messages(
      @NotBlank String alert,
      @NotBlank String escalation,
      @NotBlank String ownerNotice,
      @NotBlank String progress,
      @NotBlank String earlyWarning,
      @NotBlank String resolved) {}

  /** The label of a code, e.g. label("level", "I") = I级（重大）; the code itself if none. */
  String label(String kind, Object code) {
    if (code == null) {
      return "";
    }
    Map<String, String> ofKind = labels == null ? null : labels.get(kind);
    return ofKind == null ? code.toString() : ofKind.getOrDefault(code.toString(), code.toString());
  }
}
