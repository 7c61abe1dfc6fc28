package com.casedesk.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code workingCalendar}: which years have holiday data and
 * which deadlines fall back to plain weekends. Missing data is a warning, not an outage: the
 * status stays UP and the details say what is missing.
 */
@Component("workingCalendar")
class WorkingCalendarHealthIndicator extends AbstractHealthIndicator {

  private final HolidayCalendar calendar;
  private final CalendarProperties properties;

  WorkingCalendarHealthIndicator(HolidayCalendar calendar, CalendarProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    int thisYear = LocalDate.now(properties.zone()).getYear();
    List<Integer> missing = new ArrayList<>();
    for (int year = thisYear; year <= thisYear + 1; year++) {
      if (!calendar.hasDataFor(year)) {
        missing.add(year);
      }
    }
    for (Integer asked : calendar.yearsWithoutData()) {
      if (!missing.contains(asked)) {
        missing.add(asked);
      }
    }
    builder.up()
        .withDetail("zone", properties.zone().getId())
        .withDetail("officeHours", properties.officeStart() + "-" + properties.officeEnd())
        .withDetail("yearsWithHolidayData", calendar.yearsWithData())
        .withDetail("yearsFallingBackToWeekends", missing);
    if (!missing.isEmpty()) {
      builder.withDetail("warning", "no holiday data for " + missing
          + ": working days there are Monday-Friday only; add calendar/holidays-cn/CN-<year>.json");
    }
  }
}
