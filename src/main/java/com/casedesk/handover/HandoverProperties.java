package com.casedesk.handover;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Handover rules that are configuration rather than DMN ({@code casedesk.handover.*}); defect
 * deadlines by category are in processes/defect-deadlines.dmn.
 *
 * @param inspectionWithin the joint inspection is due this long after the appointment
 * @param reinspectionWorkingDays a refused handover gets a new appointment within this many working days
 * @param careVisitWithin the care visit after the keys are handed over is due within this
 * @param assignWorkingDays the rectification office assigns a contractor within this many working days
 * @param verificationWorkingDays engineering verifies a rectification within this many working days
 * @param confirmationWorkingDays the owner's sign-off is recorded within this many working days
 * @param warrantyReminderBefore a warranty reminder goes out this long before the item's warranty ends
 * @param heatingSeasonEnd the day a heating season ends, MM-dd (a heating/cooling warranty counts seasons)
 * @param warrantyTerms the warranty items of a handed-over unit (editable; Chinese housing quality
 *     warranty regulation defaults)
 * @param propertyAssistants the property assistant (物业助理) owners are introduced to, per project code
 * @param reportGroups who may read the unit case file and the contractor statistics
 * @param labels how codes (defect category, warranty item) read for staff and owners
 * @param messages texts to owners and staff; {name} is filled from the process variables
 */
@Validated
@ConfigurationProperties("casedesk.handover")
record HandoverProperties(
    @NotNull Duration inspectionWithin,
    int reinspectionWorkingDays,
    @NotNull Duration careVisitWithin,
    int assignWorkingDays,
    int verificationWorkingDays,
    int confirmationWorkingDays,
    @NotNull Period warrantyReminderBefore,
    @NotNull @jakarta.validation.constraints.Pattern(regexp = "\\d{2}-\\d{2}") String heatingSeasonEnd,
    @NotEmpty List<@Valid WarrantyTerm> warrantyTerms,
    Map<String, PropertyAssistant> propertyAssistants,
    List<String> reportGroups,
    Map<String, Map<String, String>> labels,
    @Valid Messages messages) {

  /**
   * A warranty item: its code, what owners read, and either a period from the handover
   * ({@code P5Y}) or a number of heating seasons.
   */
  record WarrantyTerm(@NotBlank String item, @NotBlank String label, Period period, Integer heatingSeasons) {}

  record PropertyAssistant(@NotBlank String name, @NotBlank String phone) {}

  record Messages(
      @NotBlank String welcome,
      @NotBlank String warrantyReminder,
      @NotBlank String escalation,
      @NotBlank String defectEscalation) {}

  MonthDay heatingSeasonEndDay() {
    return MonthDay.parse("--" + heatingSeasonEnd);
  }

  WarrantyTerm term(String item) {
    return warrantyTerms.stream().filter(t -> t.item().equals(item)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No warranty term '" + item + "' in casedesk.handover.warranty-terms"));
  }

  /** The label of a code; the code itself if none. */
  String label(String kind, Object code) {
    if (code == null) {
      return "";
    }
    Map<String, String> ofKind = labels == null ? null : labels.get(kind);
    return ofKind == null ? code.toString() : ofKind.getOrDefault(code.toString(), code.toString());
  }
}
