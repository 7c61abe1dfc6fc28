package com.casedesk.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot be accepted, from a form or the API; names every wrong field in the staff's
 * language. The API answers it with a 400 problem+json listing the fields; a Tasklist form shows
 * the message.
 */
public class InvalidInputException extends IllegalArgumentException {

  /** A field and what is wrong with it. */
  public record FieldError(String field, String message) {}

  private final String title;
  private final List<FieldError> errors;

  public InvalidInputException(String title, List<FieldError> errors) {
    super(title + "：" + errors.stream().map(e -> e.field() + "：" + e.message()).collect(Collectors.joining("；")));
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
