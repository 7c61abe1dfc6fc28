package com.casedesk.api;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The authenticated caller of an {@code /api} request (set by the API's Basic authentication filter). */
@Component
public class ApiCaller {

  /** The caller may not see what was asked for. */
  public static class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
      super(message);
    }
  }

  private final IdentityService identityService;

  ApiCaller(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String userId() {
    return authentication().getUserId();
  }

  public List<String> groupIds() {
    List<String> groups = authentication().getGroupIds();
    return groups == null ? List.of() : groups;
  }

  /** The companies (tenants) the caller works for; group-level roles are in every tenant. */
  public List<String> companyCodes() {
    List<String> tenants = authentication().getTenantIds();
    return tenants == null ? List.of() : tenants;
  }

  /**
   * Refuses the caller (403) unless they are in one of the groups allowed to read something.
   *
   * @param what what is being read, as staff name it (e.g. 维修回访月报)
   */
  public void requireAnyGroup(List<String> allowed, String what) {
    if (java.util.Collections.disjoint(groupIds(), allowed)) {
      throw new ForbiddenException(what + "仅限：" + String.join("、", allowed));
    }
  }

  /** The companies whose data the caller reads: all for administrators, else those they work for. */
  public List<String> readableCompanies(java.util.function.Supplier<List<String>> allCompanies) {
    return groupIds().contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN) ? allCompanies.get() : companyCodes();
  }

  /** A report's month parameter (yyyy-MM), or a 400 naming the field. */
  public static java.time.YearMonth month(String month) {
    try {
      return java.time.YearMonth.parse(month.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException("请求参数错误", List.of(new InvalidInputException.FieldError("month", "格式应为 yyyy-MM，如 2026-11")));
    }
  }

  /**
   * Runs an engine call as the engine itself, once this door has checked the caller's right by
   * its own rule (e.g. the owner's phone on file): the caller's engine permissions do not apply.
   * The caller's authentication is restored afterwards.
   */
  public <T> T asEngine(java.util.function.Supplier<T> action) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return action.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private Authentication authentication() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new IllegalStateException("/api requests are authenticated by RestApiSecurity");
    }
    return authentication;
  }
}
