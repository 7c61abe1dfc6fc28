package com.casedesk.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;

/**
 * Runs a test body on an engine that checks revokes ({@code auto}), as a deployment that sets
 * {@code authorization-check-revokes: auto} would, and restores CaseDesk's {@code never} afterwards:
 * the REVOKE authorizations the body saved are removed by {@code cleanup} first, then the database
 * refuses revokes again.
 */
final class RevokesChecked {

  private RevokesChecked() {}

  static void during(ProcessEngine engine, RevokeAuthorizationsRefused refused, Runnable body, Runnable cleanup) {
    ProcessEngineConfiguration configuration = engine.getProcessEngineConfiguration();
    String mode = configuration.getAuthorizationCheckRevokes();
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    refused.apply(engine, true);
    try {
      body.run();
    } finally {
      cleanup.run();
      configuration.setAuthorizationCheckRevokes(mode);
      refused.apply(engine, false);
    }
  }
}
