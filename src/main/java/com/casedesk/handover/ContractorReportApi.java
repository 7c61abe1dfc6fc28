package com.casedesk.handover;

import com.casedesk.api.ApiCaller;
import com.casedesk.api.InvalidInputException;
import com.casedesk.directory.Directory;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
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
    List<String> groups = caller.groupIds();
    if (Collections.disjoint(groups, properties.reportGroups())) {
      throw new ApiCaller.ForbiddenException("施工单位质量统计仅限：" + String.join("、", properties.reportGroups()));
    }
    YearMonth yearMonth;
    try {
      yearMonth = YearMonth.parse(month.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("请求参数错误", List.of(new InvalidInputException.FieldError("month", "格式应为 yyyy-MM，如 2026-11")));
    }
    List<String> companies = groups.contains("camunda-admin") ? directory.companyCodes() : caller.companyCodes();
    return report.forMonth(yearMonth, companies);
  }
}
