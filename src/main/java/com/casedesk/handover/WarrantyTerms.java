package com.casedesk.handover;

import com.casedesk.calendar.WorkingTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code warrantyTerms} in unit-handover: the warranty items of {@code casedesk.handover.warranty-terms}
 * and when each ends for a unit handed over on a day. A period runs from the handover day
 * (waterproofing P5Y); a count of heating seasons ends on the n-th heating-season end
 * ({@code heating-season-end}, 15 March by default) after the handover.
 */
@Component("warrantyTerms")
public class WarrantyTerms {

  /** Reminders go out at this office time. */
  static final LocalTime REMINDER_TIME = LocalTime.of(10, 0);

  private final HandoverProperties properties;
  private final WorkingTime workingTime;

  WarrantyTerms(HandoverProperties properties, WorkingTime workingTime) {
    this.properties = properties;
    this.workingTime = workingTime;
  }

  /** The items, in configured order (the multi-instance collection of the reminders). */
  public List<String> items() {
    return properties.warrantyTerms().stream().map(HandoverProperties.WarrantyTerm::item).toList();
  }

  /** The last day of the item's warranty for a unit handed over at the instant. */
  LocalDate endOf(String item, Date handedOverAt) {
    HandoverProperties.WarrantyTerm term = properties.term(item);
    LocalDate handover = handedOverAt.toInstant().atZone(workingTime.zone()).toLocalDate();
    if (term.period() != null) {
      return handover.plus(term.period());
    }
    if (term.heatingSeasons() == null || term.heatingSeasons() < 1) {
      throw new IllegalStateException("Warranty term " + item + " needs a period or a number of heating seasons");
    }
    LocalDate end = properties.heatingSeasonEndDay().atYear(handover.getYear());
    if (!end.isAfter(handover)) {
      end = end.plusYears(1);
    }
    return end.plusYears(term.heatingSeasons() - 1L);
  }

  /** When the owner is reminded: {@code warranty-reminder-before} the end, at 10:00 office time. */
  Date reminderOf(String item, Date handedOverAt) {
    LocalDate day = endOf(item, handedOverAt).minus(properties.warrantyReminderBefore());
    return Date.from(day.atTime(REMINDER_TIME).atZone(workingTime.zone()).toInstant());
  }
}
