package com.casedesk.handover;

import com.casedesk.api.ApiCaller;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/units/{unitCode}/case-file}: the unit case file as JSON, and
 * {@code GET /api/units/{unitCode}/case-file/photos/{id}}: a defect photo. For the groups in
 * {@code casedesk.handover.report-groups} of the unit's company (group-level roles: all); another
 * company's unit answers 404, like an unknown one.
 */
@RestController
@RequestMapping("/api/units/{unitCode}/case-file")
class UnitCaseFileApi {

  private final UnitCaseFile caseFile;
  private final ApiCaller caller;
  private final HandoverProperties properties;

  UnitCaseFileApi(UnitCaseFile caseFile, ApiCaller caller, HandoverProperties properties) {
    this.caseFile = caseFile;
    this.caller = caller;
    this.properties = properties;
  }

  @GetMapping
  UnitCaseFile.CaseFile caseFile(@PathVariable String unitCode) {
    requireReader();
    return caseFile.of(unitCode).filter(file -> visible(file.companyCode()))
        .orElseThrow(() -> notFound(unitCode));
  }

  @GetMapping("/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable String unitCode, @PathVariable long photoId) {
    requireReader();
    caseFile.of(unitCode).filter(file -> visible(file.companyCode())).orElseThrow(() -> notFound(unitCode));
    UnitCaseFile.PhotoContent photo = caseFile.photo(unitCode, photoId).orElseThrow(() -> notFound(unitCode));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.mimeType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
        .header("X-Content-Type-Options", "nosniff")
        .body(photo.content());
  }

  private void requireReader() {
    caller.requireAnyGroup(properties.reportGroups(), "单元房案例");
  }

  private boolean visible(String companyCode) {
    return caller.readableCompanies(() -> List.of(companyCode)).contains(companyCode);
  }

  private static ResponseStatusException notFound(String unitCode) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有房号 " + unitCode + " 的案例");
  }
}
