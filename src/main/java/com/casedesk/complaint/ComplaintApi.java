package com.casedesk.complaint;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

  static final int MAX_IDEMPOTENCY_KEY = 100;

  private final ComplaintIntakeService intake;
  private final IdentityService identityService;

  ComplaintApi(ComplaintIntakeService intake, IdentityService identityService) {
    this.intake = intake;
    this.identityService = identityService;
  }

  record Created(String caseNumber, String processInstanceId, boolean replayed) {}

  @PostMapping
  ResponseEntity<Created> register(@RequestBody ComplaintIntakeRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
      throw new InvalidComplaintException(List.of(new InvalidComplaintException.FieldError(
          "Idempotency-Key", "长度须为1到" + MAX_IDEMPOTENCY_KEY + "个字符")));
    }
    String caller = caller();
    ComplaintIntakeService.Registered registered;
    try {
      registered = intake.register(request, idempotencyKey, caller);
    } catch (DuplicateKeyException twin) {
      // a concurrent request with the same key committed first: answer as it was answered
      registered = intake.replay(idempotencyKey, caller, ComplaintIntakeService.hash(request)).orElseThrow(() -> twin);
    }
    Created body = new Created(registered.caseNumber(), registered.processInstanceId(), registered.replayed());
    return ResponseEntity.status(registered.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/complaints/" + registered.caseNumber()))
        .body(body);
  }

  private String caller() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new IllegalStateException("/api requests are authenticated by RestApiSecurity");
    }
    return authentication.getUserId();
  }

  @ExceptionHandler(InvalidComplaintException.class)
  ProblemDetail invalid(InvalidComplaintException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("投诉信息有误");
    problem.setProperty("errors", e.errors().stream()
        .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "请求体不是有效的JSON投诉：" + rootMessage(e));
    problem.setTitle("请求格式错误");
    return problem;
  }

  @ExceptionHandler(ComplaintIntakeService.IdempotencyKeyReusedException.class)
  ProblemDetail reused(ComplaintIntakeService.IdempotencyKeyReusedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Idempotency-Key 已用于另一条投诉");
    return problem;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > 200 ? message.substring(0, 200) : message;
  }
}
