package com.casedesk.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;

/**
 * Working-time arithmetic for deadlines, usable from BPMN and DMN expressions as
 * {@code ${workingTime.addWorkingDays(now(), 1)}}.
 *
 * <p>Working time is office hours ({@code casedesk.calendar.office-start/-end}, default 09:00-18:00,
 * Asia/Shanghai) on working days of the mainland-China calendar. A working day is one full
 * office day of working time: Friday 17:00 + 1 working day is Monday 17:00 (the hour left on
 * Friday plus eight on Monday). A start outside office hours counts from the next opening.
 */
public class WorkingTime {

  private static final int MAX_DAYS_SEARCHED = 366;

  private final HolidayCalendar calendar;
  private final ZoneId zone;
  private final LocalTime officeStart;
  private final LocalTime officeEnd;
  private final long officeDayMinutes;

  WorkingTime(HolidayCalendar calendar, ZoneId zone, LocalTime officeStart, LocalTime officeEnd) {
    this.calendar = calendar;
    this.zone = zone;
    this.officeStart = officeStart;
    this.officeEnd = officeEnd;
    this.officeDayMinutes = Duration.between(officeStart, officeEnd).toMinutes();
  }

  /** The point that lies {@code days} full office days of working time after {@code start}. */
  public Date addWorkingDays(Date start, int days) {
    requireNotNegative(days, "days");
    return addWorkingMinutes(start, days * officeDayMinutes);
  }

  /** The point that lies {@code hours} hours of office time after {@code start}. */
  public Date addWorkingHours(Date start, int hours) {
    requireNotNegative(hours, "hours");
    return addWorkingMinutes(start, hours * 60L);
  }

  /** Closing time of the first working day after the day of {@code start}. */
  public Date endOfNextWorkingDay(Date start) {
    LocalDate day = nextWorkingDayAfter(toZoned(start).toLocalDate());
    return Date.from(day.atTime(officeEnd).atZone(zone).toInstant());
  }

  /**
   * Closing time of {@code moment}'s day if it is a working day and the office is still open then;
   * otherwise closing time of the next working day. ("by the end of the working day")
   */
  public Date endOfWorkingDay(Date moment) {
    ZonedDateTime time = toZoned(moment);
    LocalDate day = time.toLocalDate();
    if (!calendar.isWorkingDay(day) || !time.toLocalTime().isBefore(officeEnd)) {
      day = nextWorkingDayAfter(day);
    }
    return Date.from(day.atTime(officeEnd).atZone(zone).toInstant());
  }

  /** The last second of {@code moment}'s calendar day in the office time zone ("the same day"). */
  public Date endOfDay(Date moment) {
    return Date.from(toZoned(moment).toLocalDate().plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant());
  }

  /** Whether {@code moment}'s calendar day (in the office time zone) is a working day. */
  public boolean isWorkingDay(Date moment) {
    return isWorkingDay(toZoned(moment).toLocalDate());
  }

  public boolean isWorkingDay(LocalDate day) {
    return calendar.isWorkingDay(day);
  }

  /** Midnight at the start of the current day in the office time zone (engine clock). */
  public Date startOfToday() {
    return Date.from(today().atStartOfDay(zone).toInstant());
  }

  /** Midnight at the start of the next day in the office time zone (engine clock). */
  public Date startOfTomorrow() {
    return Date.from(today().plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** Today's date in the office time zone, by the engine clock (which tests may move). */
  public LocalDate today() {
    return EngineClock.now().toInstant().atZone(zone).toLocalDate();
  }

  /** A deadline as staff read it: "2026-11-23 18:00" in the office time zone. */
  public String format(Date moment) {
    return moment == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(toZoned(moment));
  }

  /**
   * A moment as forms and APIs submit it: a Date, an ISO date-time with offset (Tasklist's
   * datetime field), or a local ISO date-time meaning office time; null when blank.
   *
   * @throws java.time.format.DateTimeParseException when it is none of these
   */
  public Date parseMoment(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date;
    }
    String text = value.toString().trim();
    if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
      try {
        return Date.from(java.time.OffsetDateTime.parse(text).toInstant());
      } catch (java.time.format.DateTimeParseException e) {
        return Date.from(java.time.Instant.parse(text));
      }
    }
    return Date.from(java.time.LocalDateTime.parse(text).atZone(zone).toInstant());
  }

  /** The zone deadlines are computed in. */
  public ZoneId zone() {
    return zone;
  }

  Date addWorkingMinutes(Date start, long minutes) {
    ZonedDateTime cursor = toZoned(start);
    long remaining = minutes;
    while (true) { // each round returns or moves to a later working day
      LocalDate day = cursor.toLocalDate();
      LocalTime time = cursor.toLocalTime();
      if (!calendar.isWorkingDay(day) || !time.isBefore(officeEnd)) {
        cursor = nextWorkingDayAfter(day).atTime(officeStart).atZone(zone);
        continue;
      }
      if (time.isBefore(officeStart)) {
        cursor = day.atTime(officeStart).atZone(zone);
      }
      long available = Duration.between(cursor.toLocalTime(), officeEnd).toMinutes();
      if (remaining <= available) {
        return Date.from(cursor.plusMinutes(remaining).toInstant());
      }
      remaining -= available;
      cursor = nextWorkingDayAfter(day).atTime(officeStart).atZone(zone);
    }
  }

  private LocalDate nextWorkingDayAfter(LocalDate day) {
    LocalDate candidate = day.plusDays(1);
    for (int i = 0; i < MAX_DAYS_SEARCHED; i++, candidate = candidate.plusDays(1)) {
      if (calendar.isWorkingDay(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("No working day within a year after " + day);
  }

  private ZonedDateTime toZoned(Date moment) {
    Objects.requireNonNull(moment, "a start time is required");
    return moment.toInstant().atZone(zone);
  }

  private static void requireNotNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }
}
