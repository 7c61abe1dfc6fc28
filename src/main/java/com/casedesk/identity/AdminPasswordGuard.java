package com.casedesk.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Stops start-up before the engine exists when no administrator password is configured: the
 * starter would otherwise create the administrator (once, for good) with an empty password.
 */
@Component
class AdminPasswordGuard extends AbstractProcessEnginePlugin {

  private final AdminProperties admin;

  AdminPasswordGuard(AdminProperties admin) {
    this.admin = admin;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (admin.password() == null || admin.password().isBlank()) {
      throw new IllegalStateException("No administrator password: set CASEDESK_ADMIN_PASSWORD "
          + "(casedesk.admin.password). The demo profile has a default; production has none.");
    }
  }
}
