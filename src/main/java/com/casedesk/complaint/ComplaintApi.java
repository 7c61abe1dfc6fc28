package com.casedesk.complaint;

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
 * {@code POST /api/complaints}: the owner app's and forum's door into complaint handling
 * (HTTP Basic, a Camunda user of group {@code channel-app}). The company's front desk claims the
 * complaint. Bad input: 400 application/problem+json naming each field; nothing starts. An
 * {@code Idempotency-Key} header makes retries return the first answer.
 */
@RestController
@RequestMapping("/api/complaints")
class ComplaintApi {

  private final ComplaintIntakeService intake;
  private final ApiCaller caller;

  ComplaintApi(ComplaintIntakeService intake, ApiCaller caller) {
    this.intake = intake;
    this.caller = caller;
  }

  record Created(String caseNumber, String processInstanceId, boolean replayed) {}

  @PostMapping
  ResponseEntity<Created> register(@RequestBody ComplaintIntakeRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    IdempotentStarts.Started registered = intake.register(request, idempotencyKey, caller.userId());
    Created body = new Created(registered.caseNumber(), registered.processInstanceId(), registered.replayed());
    return ResponseEntity.status(registered.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/complaints/" + registered.caseNumber()))
        .body(body);
  }
}
