package com.casedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTableTest {

  private static ReportTable table(Object name, Object rate, Object at) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", name);
    row.put("rate", rate);
    row.put("at", at);
    return new ReportTable("t", "测试", List.of(ReportTable.text("name", "名称"), ReportTable.rate("rate", "比率"),
        ReportTable.time("at", "时间")), List.of(row), Map.of());
  }

  @Test
  void csv_starts_with_a_byte_order_mark_and_chinese_headers_and_shows_rates_as_percentages() {
    String csv = table("四季花城", new BigDecimal("0.6667"), LocalDateTime.of(2026, 11, 3, 9, 5, 30)).toCsv();

    assertThat(csv).isEqualTo("\uFEFF名称,比率,时间\r\n四季花城,66.7%,2026-11-03 09:05\r\n");
  }

  @Test
  void text_excel_would_run_as_a_formula_is_neutralised_and_quotes_are_escaped() {
    assertThat(table("=HYPERLINK(\"http://x\")", null, null).toCsv())
        .endsWith("\"'=HYPERLINK(\"\"http://x\"\")\",,\r\n");
    assertThat(table("@SUM(A1)", null, null).toCsv()).contains("'@SUM(A1)");
    assertThat(table("-42", null, null).toCsv()).contains("\r\n-42,,");
  }
}
