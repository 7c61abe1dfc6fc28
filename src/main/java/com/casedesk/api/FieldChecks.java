package com.casedesk.api;

import com.casedesk.api.InvalidInputException.FieldError;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks every intake applies to what owners and staff type (contact, phone, free text),
 * with the messages staff read. Owners' text is stored and shown as plain text only, so markup
 * is refused rather than escaped.
 */
public final class FieldChecks {

  private static final Pattern PHONE = Pattern.compile("^[0-9+\\-]{7,20}$");
  private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?]|javascript:", Pattern.CASE_INSENSITIVE);

  private FieldChecks() {}

  /** The trimmed value, or null when missing or blank. */
  public static String text(Map<String, Object> input, String name) {
    return text(input.get(name));
  }

  /** The trimmed value, or null when missing or blank. */
  public static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** Free text: required if asked, at most {@code max} characters, no markup. Returns the value. */
  public static String plainText(List<FieldError> errors, Map<String, Object> input, String name, boolean required, int max) {
    String value = text(input, name);
    if (value == null) {
      if (required) {
        errors.add(new FieldError(name, "必填"));
      }
    } else if (value.length() > max) {
      errors.add(new FieldError(name, "不能超过" + max + "个字符"));
    } else if (MARKUP.matcher(value).find()) {
      errors.add(new FieldError(name, "不能包含HTML标记或脚本"));
    }
    return value;
  }

  /** A required phone number: digits, +, -, 7 to 20 characters. */
  public static String phone(List<FieldError> errors, Map<String, Object> input, String name) {
    String value = text(input, name);
    if (value == null) {
      errors.add(new FieldError(name, "必填"));
    } else if (!PHONE.matcher(value).matches()) {
      errors.add(new FieldError(name, "电话号码格式不正确"));
    }
    return value;
  }
}
