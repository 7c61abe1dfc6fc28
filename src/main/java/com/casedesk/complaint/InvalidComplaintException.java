package com.casedesk.complaint;

import com.casedesk.api.InvalidInputException;
import java.util.List;

/** A complaint that cannot be registered; names every field that is wrong, in the staff's language. */
public class InvalidComplaintException extends InvalidInputException {

  public InvalidComplaintException(List<FieldError> errors) {
    super("投诉登记信息有误", errors);
  }
}
