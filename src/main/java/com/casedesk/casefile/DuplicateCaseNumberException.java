package com.casedesk.casefile;

/** A case number that was already issued: no second case may carry it. */
public class DuplicateCaseNumberException extends RuntimeException {

  public DuplicateCaseNumberException(String caseNumber) {
    super("Case number " + caseNumber + " already exists; a case number is issued once only");
  }
}
