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
