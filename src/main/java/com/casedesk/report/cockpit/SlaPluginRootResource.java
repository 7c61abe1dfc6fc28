package com.casedesk.report.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** The plugin's REST root, created by Cockpit's Jersey application (not by Spring). */
@Path("plugin/" + SlaCockpitPlugin.ID)
public class SlaPluginRootResource extends AbstractCockpitPluginRootResource {

  public SlaPluginRootResource() {
    super(SlaCockpitPlugin.ID);
  }

  @Path("{engineName}/reports")
  public SlaReportResource reports(@PathParam("engineName") String engineName) {
    return subResource(new SlaReportResource(engineName, uriInfo), engineName);
  }
}
