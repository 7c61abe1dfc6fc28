package com.casedesk.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which days are working days in mainland China: weekends off, public holidays off, adjusted
 * working weekends (调休补班) on. A year without data falls back to plain weekends; the first
 * question about such a year is logged, and {@link #yearsWithoutData()} tells the health check.
 */
final class HolidayCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(HolidayCalendar.class);

  enum DayType { PUBLIC_HOLIDAY, TRANSFER_WORKDAY }

  private final Map<LocalDate, DayType> specialDays;
  private final SortedSet<Integer> yearsWithData;
  private final Set<Integer> yearsAskedWithoutData = ConcurrentHashMap.newKeySet();

  HolidayCalendar(Map<LocalDate, DayType> specialDays, Set<Integer> yearsWithData) {
    this.specialDays = Map.copyOf(specialDays);
    this.yearsWithData = Collections.unmodifiableSortedSet(new TreeSet<>(yearsWithData));
  }

  boolean isWorkingDay(LocalDate day) {
    if (!yearsWithData.contains(day.getYear()) && yearsAskedWithoutData.add(day.getYear())) {
      LOG.warn("No holiday data for {}: working days in {} fall back to Monday-Friday. "
          + "Add calendar/holidays-cn/CN-{}.json.", day.getYear(), day.getYear(), day.getYear());
    }
    DayType special = specialDays.get(day);
    if (special == DayType.PUBLIC_HOLIDAY) {
      return false;
    }
    if (special == DayType.TRANSFER_WORKDAY) {
      return true;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  boolean hasDataFor(int year) {
    return yearsWithData.contains(year);
  }

  SortedSet<Integer> yearsWithData() {
    return yearsWithData;
  }

  /** Years that deadlines were computed for without holiday data, since start-up. */
  SortedSet<Integer> yearsWithoutData() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(yearsAskedWithoutData));
  }
}
