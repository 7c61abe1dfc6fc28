package com.casedesk.api;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is behind the step a delegate runs: a person (Tasklist, the API) or the engine itself. */
public final class Actors {

  private Actors() {}

  /**
   * True when no person is: start-up, or a job of the job executor, which runs with an
   * authentication that names only the job's tenant (Camunda's ExecuteJobsCmd) and no user.
   */
  public static boolean isEngine(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null;
  }
}
