package com.casedesk.calendar;

import java.time.LocalTime;
import java.time.ZoneId;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Office hours and time zone of the working-day calendar ({@code casedesk.calendar.*}).
 *
 * @param zone the zone every deadline is computed in (default Asia/Shanghai)
 * @param officeStart start of the working day (default 09:00)
 * @param officeEnd end of the working day (default 18:00)
 * @param holidayFiles Spring resource pattern of the yearly holiday files
 */
@Validated
@ConfigurationProperties("casedesk.calendar")
record CalendarProperties(
    @NotNull ZoneId zone,
    @NotNull LocalTime officeStart,
    @NotNull LocalTime officeEnd,
    @NotNull String holidayFiles) {

  CalendarProperties {
    if (officeStart != null && officeEnd != null && !officeStart.isBefore(officeEnd)) {
      throw new IllegalArgumentException(
          "casedesk.calendar.office-start (" + officeStart + ") must be before office-end (" + officeEnd + ")");
    }
  }
}
