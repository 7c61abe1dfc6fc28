package com.casedesk.handover;

import com.casedesk.api.ApiCaller;
import com.casedesk.directory.Directory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/contractors?month=2026-11}: the monthly contractor quality statistics as
 * JSON, for the companies the caller works for (administrators: all), for the groups in
 * {@code casedesk.handover.report-groups}.
 */
@RestController
@RequestMapping("/api/reports/contractors")
class ContractorReportApi {

  private final ContractorReport report;
  private final ApiCaller caller;
  private final Directory directory;
  private final HandoverProperties properties;

  ContractorReportApi(ContractorReport report, ApiCaller caller, Directory directory, HandoverProperties properties) {
    this.report = report;
    this.caller = caller;
    this.directory = directory;
    this.properties = properties;
  }

  @GetMapping
  ContractorReport.Report monthly(@RequestParam("month") String month) {
    caller.requireAnyGroup(properties.reportGroups(), "施工单位质量统计");
    return report.forMonth(ApiCaller.month(month), caller.readableCompanies(directory::companyCodes));
  }
}
