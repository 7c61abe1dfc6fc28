package com.casedesk.calendar;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayCalendarLoaderTest {

  private final HolidayCalendarLoader loader = new HolidayCalendarLoader(JsonMapper.builder().findAndAddModules().build());

  @Test
  void an_unknown_day_type_stops_start_up_with_the_file_and_date(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("CN-2031.json"), """
        {"year": 2031, "region": "CN", "dates": [{"date": "2031-01-01", "name": "元旦", "type": "half_day"}]}""");
    assertThatThrownBy(() -> loader.load("file:" + dir + "/CN-*.json"))
        .hasMessageContaining("unknown day type 'half_day' on 2031-01-01");
  }

  @Test
  void a_date_outside_the_file_year_is_refused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("CN-2031.json"), """
        {"year": 2031, "region": "CN", "dates": [{"date": "2030-12-31", "name": "x", "type": "public_holiday"}]}""");
    assertThatThrownBy(() -> loader.load("file:" + dir + "/CN-*.json"))
        .hasMessageContaining("2030-12-31 is not in 2031");
  }
}
