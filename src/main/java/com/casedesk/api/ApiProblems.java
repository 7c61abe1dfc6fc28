package com.casedesk.api;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The answers of every {@code /api} controller to bad input: application/problem+json, in Chinese. */
@RestControllerAdvice(basePackages = "com.casedesk")
class ApiProblems {

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle(e.title());
    problem.setProperty("errors", e.errors().stream()
        .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "请求体不是有效的JSON：" + rootMessage(e));
    problem.setTitle("请求格式错误");
    return problem;
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "缺少参数 " + e.getParameterName());
    problem.setTitle("请求参数错误");
    return problem;
  }

  @ExceptionHandler(IdempotentStarts.KeyReusedException.class)
  ProblemDetail reused(IdempotentStarts.KeyReusedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Idempotency-Key 已用于另一请求");
    return problem;
  }

  @ExceptionHandler(ApiCaller.ForbiddenException.class)
  ProblemDetail forbidden(ApiCaller.ForbiddenException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("无权访问");
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
