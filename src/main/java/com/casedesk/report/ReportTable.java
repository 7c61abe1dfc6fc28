package com.casedesk.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One table of a report: its columns (key and the Chinese header staff read) and rows, plus
 * paging facts. The Cockpit page renders every table from this shape, and every table exports to
 * CSV the same way.
 */
public record ReportTable(String name, String title, List<Column> columns, List<Map<String, Object>> rows,
    Map<String, Object> meta) {

  /** A column; {@code type} tells the page how to show it: text, number, rate, minutes, time, case. */
  public record Column(String key, String label, String type) {}

  static Column text(String key, String label) {
    return new Column(key, label, "text");
  }

  static Column number(String key, String label) {
    return new Column(key, label, "number");
  }

  static Column rate(String key, String label) {
    return new Column(key, label, "rate");
  }

  static Column minutes(String key, String label) {
    return new Column(key, label, "minutes");
  }

  static Column time(String key, String label) {
    return new Column(key, label, "time");
  }

  /**
   * The table as CSV for Excel: UTF-8 with a byte-order mark (so Chinese shows correctly), the
   * Chinese headers, rates as percentages, times as {@code yyyy-MM-dd HH:mm}.
   */
  public String toCsv() {
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL)) {
      csv.printRecord(columns.stream().map(Column::label).toList());
      for (Map<String, Object> row : rows) {
        csv.printRecord(columns.stream().map(column -> csvValue(column, row.get(column.key()))).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String csvValue(Column column, Object value) {
    if (value == null) {
      return "";
    }
    return switch (column.type()) {
      case "rate" -> new java.math.BigDecimal(value.toString()).movePointRight(2)
          .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
      case "time" -> value.toString().replace('T', ' ').substring(0, Math.min(16, value.toString().length()));
      default -> neutralised(value.toString());
    };
  }

  /** A cell Excel would read as a formula (=, +, -, @) is prefixed with an apostrophe. */
  private static String neutralised(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")
        ? "'" + text : text;
  }
}
