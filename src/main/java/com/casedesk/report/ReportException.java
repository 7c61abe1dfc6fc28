package com.casedesk.report;

/** A report request refused: a bad parameter (400) or data the caller may not read (403). */
public class ReportException extends RuntimeException {

  private final int status;

  ReportException(int status, String message) {
    super(message);
    this.status = status;
  }

  static ReportException badRequest(String message) {
    return new ReportException(400, message);
  }

  static ReportException forbidden(String message) {
    return new ReportException(403, message);
  }

  public int status() {
    return status;
  }
}
