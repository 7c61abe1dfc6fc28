package com.casedesk.report.tasklist;

import jakarta.ws.rs.Path;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/**
 * Serves the plugin's assets at {@code /camunda/api/tasklist/plugin/casedesk-due/static/app/plugin.js}:
 * Tasklist finds a plugin's script only through a root resource of its own.
 */
@Path("plugin/" + DueBadgeTasklistPlugin.ID)
public class DueBadgeRootResource extends AbstractTasklistPluginRootResource {

  public DueBadgeRootResource() {
    super(DueBadgeTasklistPlugin.ID);
  }
}
