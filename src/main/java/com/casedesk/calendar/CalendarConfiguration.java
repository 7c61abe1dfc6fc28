package com.casedesk.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  HolidayCalendar holidayCalendar(CalendarProperties properties, ObjectMapper objectMapper) {
    HolidayCalendar calendar = new HolidayCalendarLoader(objectMapper).load(properties.holidayFiles());
    int thisYear = LocalDate.now(properties.zone()).getYear();
    for (int year = thisYear; year <= thisYear + 1; year++) {
      if (!calendar.hasDataFor(year)) {
        LOG.warn("No holiday data for {}: deadlines in {} count Monday-Friday as working days "
            + "and miss public holidays and adjusted working weekends.", year, year);
      }
    }
    return calendar;
  }

  /** Bean name {@code workingTime} is what BPMN and DMN expressions use. */
  @Bean
  WorkingTime workingTime(HolidayCalendar calendar, CalendarProperties properties) {
    return new WorkingTime(calendar, properties.zone(), properties.officeStart(), properties.officeEnd());
  }
}
