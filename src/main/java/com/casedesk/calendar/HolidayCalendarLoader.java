package com.casedesk.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads the yearly holiday files of the holiday-calendar package (MIT, see its LICENSE). */
final class HolidayCalendarLoader {

  private static final Logger LOG = LoggerFactory.getLogger(HolidayCalendarLoader.class);

  @JsonIgnoreProperties(ignoreUnknown = true)
  record YearFile(int year, String region, List<Entry> dates) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Entry(LocalDate date, String name, String type) {}

  private final ObjectMapper objectMapper;

  HolidayCalendarLoader(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  HolidayCalendar load(String pattern) {
    Map<LocalDate, HolidayCalendar.DayType> days = new HashMap<>();
    Set<Integer> years = new HashSet<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          YearFile file = objectMapper.readValue(in, YearFile.class);
          for (Entry entry : file.dates()) {
            if (entry.date().getYear() != file.year()) {
              throw new IllegalStateException(resource + ": " + entry.date() + " is not in " + file.year());
            }
            days.put(entry.date(), dayType(resource, entry));
          }
          years.add(file.year());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read holiday files " + pattern, e);
    }
    LOG.info("Working-day calendar: holiday data for years {}", new java.util.TreeSet<>(years));
    return new HolidayCalendar(days, years);
  }

  private static HolidayCalendar.DayType dayType(Resource resource, Entry entry) {
    return switch (entry.type()) {
      case "public_holiday" -> HolidayCalendar.DayType.PUBLIC_HOLIDAY;
      case "transfer_workday" -> HolidayCalendar.DayType.TRANSFER_WORKDAY;
      default -> throw new IllegalStateException(
          resource + ": unknown day type '" + entry.type() + "' on " + entry.date());
    };
  }
}
