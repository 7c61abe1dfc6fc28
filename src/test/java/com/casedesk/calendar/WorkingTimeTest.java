package com.casedesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkingTimeTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final HolidayCalendar CALENDAR = new HolidayCalendarLoader(JsonMapper.builder().findAndAddModules().build())
      .load("classpath*:calendar/holidays-cn/CN-*.json");

  private final WorkingTime workingTime =
      new WorkingTime(CALENDAR, SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0));

  private static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
  }

  private static LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), SHANGHAI);
  }

  @Nested
  class MainlandChinaCalendar {

    @Test
    void spring_festival_2026_from_15_to_23_february_is_off() {
      for (LocalDate day = LocalDate.of(2026, 2, 15); !day.isAfter(LocalDate.of(2026, 2, 23)); day = day.plusDays(1)) {
        assertThat(workingTime.isWorkingDay(day)).as(day.toString()).isFalse();
      }
      assertThat(workingTime.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
    }

    @Test
    void the_adjusted_saturdays_14_and_28_february_2026_are_working_days() {
      assertThat(LocalDate.of(2026, 2, 14).getDayOfWeek().name()).isEqualTo("SATURDAY");
      assertThat(workingTime.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
      assertThat(workingTime.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
    }

    @Test
    void an_ordinary_weekend_is_off_and_a_weekday_is_on() {
      assertThat(workingTime.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse(); // Saturday
      assertThat(workingTime.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse(); // Sunday
      assertThat(workingTime.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();  // Monday
    }

    @Test
    void national_day_2026_is_off() {
      assertThat(workingTime.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
      assertThat(workingTime.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
    }

    @Test
    void loaded_years_are_2024_to_2026() {
      assertThat(CALENDAR.yearsWithData()).containsExactly(2024, 2025, 2026);
    }
  }

  @Nested
  class Deadlines {

    @Test
    void friday_17_00_plus_one_working_day_is_monday_17_00() {
      // 2026-11-20 is a Friday: one office hour left on Friday, eight more on Monday
      assertThat(local(workingTime.addWorkingDays(at("2026-11-20T17:00"), 1)))
          .isEqualTo(LocalDateTime.parse("2026-11-23T17:00"));
    }

    @Test
    void friday_17_00_plus_two_working_hours_is_monday_10_00() {
      assertThat(local(workingTime.addWorkingHours(at("2026-11-20T17:00"), 2)))
          .isEqualTo(LocalDateTime.parse("2026-11-23T10:00"));
    }

    @Test
    void a_start_before_opening_counts_from_opening() {
      assertThat(local(workingTime.addWorkingDays(at("2026-11-23T07:30"), 1)))
          .isEqualTo(LocalDateTime.parse("2026-11-23T18:00"));
    }

    @Test
    void a_start_on_a_sunday_counts_from_monday_opening() {
      assertThat(local(workingTime.addWorkingHours(at("2026-11-22T15:00"), 3)))
          .isEqualTo(LocalDateTime.parse("2026-11-23T12:00"));
    }

    @Test
    void a_deadline_jumps_the_spring_festival() {
      // Saturday 14 Feb 2026 is a working day; the next one after it is Tuesday 24 Feb
      assertThat(local(workingTime.addWorkingDays(at("2026-02-14T10:00"), 1)))
          .isEqualTo(LocalDateTime.parse("2026-02-24T10:00"));
    }

    @Test
    void three_working_days_over_national_day() {
      // Wed 30 Sep 2026 09:00 + 3 working days: 30 Sep, (1-7 Oct off), Thu 8 and Fri 9 Oct
      assertThat(local(workingTime.addWorkingDays(at("2026-09-30T09:00"), 3)))
          .isEqualTo(LocalDateTime.parse("2026-10-09T18:00"));
      // and one more lands on the adjusted working Saturday, 10 Oct
      assertThat(local(workingTime.addWorkingDays(at("2026-09-30T09:00"), 4)))
          .isEqualTo(LocalDateTime.parse("2026-10-10T18:00"));
    }

    @Test
    void zero_working_hours_at_closing_time_is_the_next_opening() {
      assertThat(local(workingTime.addWorkingHours(at("2026-11-20T18:00"), 0)))
          .isEqualTo(LocalDateTime.parse("2026-11-23T09:00"));
    }

    @Test
    void end_of_next_working_day_skips_the_weekend() {
      assertThat(local(workingTime.endOfNextWorkingDay(at("2026-11-20T11:00"))))
          .isEqualTo(LocalDateTime.parse("2026-11-23T18:00"));
    }

    @Test
    void end_of_next_working_day_before_the_festival_is_the_adjusted_saturday() {
      assertThat(local(workingTime.endOfNextWorkingDay(at("2026-02-13T11:00"))))
          .isEqualTo(LocalDateTime.parse("2026-02-14T18:00"));
    }

    @Test
    void negative_amounts_are_refused_with_a_clear_message() {
      assertThatThrownBy(() -> workingTime.addWorkingDays(at("2026-11-20T10:00"), -1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("days must not be negative");
    }

    @Test
    void start_of_today_is_midnight_in_shanghai() {
      Date start = workingTime.startOfToday();
      assertThat(local(start).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
      assertThat(workingTime.startOfTomorrow().getTime() - start.getTime()).isEqualTo(24L * 3600 * 1000);
    }
  }

  @Nested
  class YearWithoutData {

    private final HolidayCalendar calendar = new HolidayCalendarLoader(JsonMapper.builder().findAndAddModules().build())
        .load("classpath*:calendar/holidays-cn/CN-*.json");
    private final WorkingTime fallback = new WorkingTime(calendar, SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0));

    @Test
    void falls_back_to_weekends_and_reports_the_year() {
      // 1 May 2030 is a Wednesday: a public holiday in reality, a working day without data
      assertThat(fallback.isWorkingDay(LocalDate.of(2030, 5, 1))).isTrue();
      assertThat(fallback.isWorkingDay(LocalDate.of(2030, 5, 4))).isFalse(); // Saturday
      assertThat(calendar.hasDataFor(2030)).isFalse();
      assertThat(calendar.yearsWithoutData()).containsExactly(2030);
    }

    @Test
    void deadlines_still_work_across_the_end_of_the_data() {
      // Thu 31 Dec 2026 17:00 + 1 working day: 1 Jan 2027 (Friday) has no data, so it counts
      assertThat(local(fallback.addWorkingDays(at("2026-12-31T17:00"), 1)))
          .isEqualTo(LocalDateTime.parse("2027-01-01T17:00"));
      assertThat(calendar.yearsWithoutData()).contains(2027);
    }
  }
}
