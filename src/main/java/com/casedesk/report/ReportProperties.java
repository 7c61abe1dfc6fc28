package com.casedesk.report;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code casedesk.reports}: who may read the SLA reports, page limits, and how codes read.
 *
 * @param readerGroups groups allowed to read the reports (for the companies they work for)
 * @param maxPageSize the most rows one page of the breach list returns
 * @param exportLimit the most rows one CSV export writes
 * @param labels code to Chinese label, per kind (category, subcategory, level, source, status)
 */
@ConfigurationProperties("casedesk.reports")
record ReportProperties(List<String> readerGroups, int maxPageSize, int exportLimit,
    Map<String, Map<String, String>> labels) {

  String label(String kind, String code) {
    if (code == null) {
      return null;
    }
    Map<String, String> ofKind = labels == null ? null : labels.get(kind);
    return ofKind == null ? code : ofKind.getOrDefault(code, code);
  }
}
