package com.casedesk.repair;

import com.casedesk.api.ApiCaller;
import com.casedesk.api.IdempotentStarts;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/repairs}: the owner app's and hotline system's door into home repair (HTTP
 * Basic). Bad input: 400 application/problem+json naming each field; nothing starts. An
 * {@code Idempotency-Key} header makes retries return the first answer (200 instead of 201).
 */
@RestController
@RequestMapping("/api/repairs")
class RepairApi {

  private final RepairIntakeService intake;
  private final ApiCaller caller;

  RepairApi(RepairIntakeService intake, ApiCaller caller) {
    this.intake = intake;
    this.caller = caller;
  }

  record Created(String caseNumber, String processInstanceId, boolean replayed) {}

  @PostMapping
  ResponseEntity<Created> register(@RequestBody RepairIntakeRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    IdempotentStarts.Started started = intake.register(request, idempotencyKey, caller.userId());
    return ResponseEntity.status(started.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/repairs/" + started.caseNumber()))
        .body(new Created(started.caseNumber(), started.processInstanceId(), started.replayed()));
  }
}
