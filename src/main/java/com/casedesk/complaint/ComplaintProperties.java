package com.casedesk.complaint;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Complaint rules that are configuration rather than DMN ({@code casedesk.complaint.*}); the
 * classification, SLAs and escalation offsets are in processes/complaint-classification.dmn.
 *
 * @param callbackWorkingDays the callback after resolution is due within this many working days
 * @param managerAfterReopens from this reopen on, the customer-service manager joins the handling
 * @param labels how codes (channel, category, subcategory, severity) read for staff
 * @param messages texts sent to owners and staff; {caseNumber}, {contactName}, {replyText},
 *     {category}, {step} are replaced
 */
@Validated
@ConfigurationProperties("casedesk.complaint")
record ComplaintProperties(
    @Min(0) int callbackWorkingDays,
    @Min(1) int managerAfterReopens,
    Map<String, Map<String, String>> labels,
    Messages messages) {

  /** The label of a code, e.g. label("category", "property") = 物业服务; the code itself if none. */
  String label(String kind, Object code) {
    if (code == null) {
      return "";
    }
    Map<String, String> ofKind = labels == null ? null : labels.get(kind);
    return ofKind == null ? code.toString() : ofKind.getOrDefault(code.toString(), code.toString());
  }

  record Messages(
      @NotBlank String reply,
      @NotBlank String closed,
      @NotBlank String escalation,
      @NotBlank String majorToManager,
      @NotBlank String reopenToManager) {}
}
