package com.casedesk.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Installs the {@link CompanyTenantIdProvider} (the engine's documented multi-tenancy hook). */
@Component
class TenancyEnginePlugin extends AbstractProcessEnginePlugin {

  private final CompanyTenantIdProvider tenantIdProvider;

  TenancyEnginePlugin(CompanyTenantIdProvider tenantIdProvider) {
    this.tenantIdProvider = tenantIdProvider;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(tenantIdProvider);
  }
}
