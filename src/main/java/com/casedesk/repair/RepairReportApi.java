package com.casedesk.repair;

import com.casedesk.api.ApiCaller;
import com.casedesk.directory.Directory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/repairs?month=2026-11}: the monthly repair-callback report as JSON, for
 * the companies the caller works for (all companies for group-level roles and administrators).
 * Only the groups in {@code casedesk.repair.report-groups} may read it.
 */
@RestController
@RequestMapping("/api/reports/repairs")
class RepairReportApi {

  private final RepairReport report;
  private final ApiCaller caller;
  private final Directory directory;
  private final RepairProperties properties;

  RepairReportApi(RepairReport report, ApiCaller caller, Directory directory, RepairProperties properties) {
    this.report = report;
    this.caller = caller;
    this.directory = directory;
    this.properties = properties;
  }

  @GetMapping
  RepairReport.Report monthly(@RequestParam("month") String month) {
    caller.requireAnyGroup(properties.reportGroups(), "维修回访月报");
    return report.forMonth(ApiCaller.month(month), caller.readableCompanies(directory::companyCodes));
  }
}
