package com.casedesk.report.tasklist;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The Tasklist plugin {@code casedesk-due} (registered through {@code META-INF/services}): every
 * task card shows the time left or how late it is, coloured on time / due within 2 hours / overdue
 * ({@code plugin-webapp/casedesk-due/app/plugin.js}). It reads the task's due date through the
 * engine API as the signed-in user, so it shows nothing the user could not already see.
 */
public class DueBadgeTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "casedesk-due";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public java.util.Set<Class<?>> getResourceClasses() {
    return java.util.Set.of(DueBadgeRootResource.class);
  }
}
