package com.casedesk.repair;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Repair rules that are configuration rather than DMN ({@code casedesk.repair.*}); the on-site,
 * completion and escalation time limits are in processes/repair-time-limits.dmn.
 *
 * @param callbackWorkingDays the callback after completion is due within this many working days
 * @param appointmentGrace an appointment (preferred time) is kept if the technician is on site
 *     within this much after it
 * @param maxAppointmentAhead how far ahead an owner may book
 * @param maxCharge the highest charge a technician may record for one visit (yuan)
 * @param reportGroups groups that may read the monthly repair report (for their companies)
 * @param labels how codes (channel, category, urgency, locationType) read for staff and owners
 * @param messages texts sent to owners and staff; {caseNumber}, {contactName}, {category},
 *     {technicianName}, {onSiteDueText}, {step} and other process variables are replaced
 */
@Validated
@ConfigurationProperties("casedesk.repair")
record RepairProperties(
    @Min(0) int callbackWorkingDays,
    @NotNull Duration appointmentGrace,
    @NotNull Duration maxAppointmentAhead,
    @NotNull @DecimalMin("0") BigDecimal maxCharge,
    @NotEmpty List<String> reportGroups,
    Map<String, Map<String, String>> labels,
    Messages messages) {

  /** The label of a code, e.g. label("category", "water") = 给水; the code itself if none. */
  String label(String kind, Object code) {
    if (code == null) {
      return "";
    }
    Map<String, String> ofKind = labels == null ? null : labels.get(kind);
    return ofKind == null ? code.toString() : ofKind.getOrDefault(code.toString(), code.toString());
  }

  record Messages(
      @NotBlank String dispatched,
      @NotBlank String done,
      @NotBlank String escalation) {}
}
