package com.casedesk.emergency;

import com.casedesk.api.ApiCaller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/reports/drills/{caseNumber}}: a drill's evaluation as JSON, for the groups in
 * {@code casedesk.emergency.report-groups} of the drilled company (the group centre: all). A real
 * incident, a drill not evaluated yet and another company's drill all answer 404.
 */
@RestController
@RequestMapping("/api/reports/drills")
class DrillReportApi {

  private final DrillEvaluations evaluations;
  private final ApiCaller caller;
  private final EmergencyProperties properties;

  DrillReportApi(DrillEvaluations evaluations, ApiCaller caller, EmergencyProperties properties) {
    this.evaluations = evaluations;
    this.caller = caller;
    this.properties = properties;
  }

  @GetMapping("/{caseNumber}")
  DrillEvaluations.Evaluation evaluation(@PathVariable String caseNumber) {
    caller.requireAnyGroup(properties.reportGroups(), "演练评估");
    return evaluations.find(caseNumber)
        .filter(evaluation -> caller.readableCompanies(() -> List.of(evaluation.companyCode())).contains(evaluation.companyCode()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有演练评估：" + caseNumber));
  }
}
