package com.casedesk.report.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin "SLA 报表" (registered through {@code META-INF/services}): the dashboard card,
 * the report page and the breach badges on process diagrams ({@code plugin-webapp/casedesk-sla/app/plugin.js}),
 * with their REST resources under {@code /camunda/api/cockpit/plugin/casedesk-sla/{engine}/reports/}.
 */
public class SlaCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "casedesk-sla";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(SlaPluginRootResource.class);
  }
}
