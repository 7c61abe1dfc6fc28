package com.casedesk.complaint;

import java.util.List;
import java.util.stream.Collectors;

/** A complaint that cannot be registered; names every field that is wrong, in the staff's language. */
public class InvalidComplaintException extends IllegalArgumentException {

  /** A field and what is wrong with it. */
  public record FieldError(String field, String message) {}

  private final List<FieldError> errors;

  public InvalidComplaintException(List<FieldError> errors) {
    super("投诉登记信息有误：" + errors.stream()
        .map(e -> e.field() + "：" + e.message()).collect(Collectors.joining("；")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
