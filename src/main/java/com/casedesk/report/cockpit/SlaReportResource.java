package com.casedesk.report.cockpit;

import com.casedesk.report.ReportCaller;
import com.casedesk.report.ReportException;
import com.casedesk.report.ReportTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * {@code GET /camunda/api/cockpit/plugin/casedesk-sla/{engine}/reports/…}: every report as JSON,
 * or as CSV with {@code ?format=csv}. The caller is the Cockpit session's user; what it may read is
 * decided here, on the server ({@link com.casedesk.report.SlaReportService}), whatever the query says.
 */
public class SlaReportResource extends AbstractCockpitPluginResource {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SlaReportResource.class);
  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
  private static final MediaType CSV = new MediaType("text", "csv", "UTF-8");

  private final UriInfo uriInfo;

  public SlaReportResource(String engineName, UriInfo uriInfo) {
    super(engineName);
    this.uriInfo = uriInfo;
  }

  @GET
  @Path("dashboard")
  public Response dashboard() {
    return table(() -> services().reports().dashboard(caller()));
  }

  @GET
  @Path("breaches")
  public Response breaches() {
    return table(() -> services().reports().breaches(caller(), query(), csv()));
  }

  @GET
  @Path("aggregates")
  public Response aggregates() {
    return table(() -> services().reports().aggregates(caller(), query()));
  }

  @GET
  @Path("trend")
  public Response trend() {
    return table(() -> services().reports().trend(caller(), query()));
  }

  @GET
  @Path("diagram")
  public Response diagram() {
    return table(() -> services().reports().diagram(caller(), query()));
  }

  @GET
  @Path("inventory")
  public Response inventory() {
    return table(() -> services().reports().inventory(caller(), query()));
  }

  @GET
  @Path("monthly/{table}")
  public Response monthly(@PathParam("table") String table) {
    return table(() -> services().reports().monthly(caller(), table, query()));
  }

  @GET
  @Path("options")
  public Response options() {
    try {
      return json(services().reports().options(caller()));
    } catch (ReportException e) {
      return problem(e);
    } catch (RuntimeException e) {
      return failure(e);
    }
  }

  private Response table(Supplier<ReportTable> report) {
    try {
      ReportTable table = report.get();
      if (!csv()) {
        return json(table);
      }
      String name = table.name() + "-" + LocalDate.now() + ".csv";
      String title = URLEncoder.encode(table.title() + ".csv", StandardCharsets.UTF_8).replace("+", "%20");
      return Response.ok(table.toCsv(), CSV)
          .header("Content-Disposition", "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + title)
          .build();
    } catch (ReportException e) {
      return problem(e);
    } catch (RuntimeException e) {
      return failure(e);
    }
  }

  private Response json(Object body) {
    try {
      return Response.ok(services().json().writeValueAsString(body), JSON).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Report not serialisable", e);
    }
  }

  private Response problem(ReportException e) {
    return status(e.status(), e.status() == 403 ? "Forbidden" : "InvalidRequest", e.getMessage());
  }

  /** An unexpected failure: logged with its cause; the browser gets no SQL or stack trace. */
  private Response failure(RuntimeException e) {
    if (e instanceof jakarta.ws.rs.WebApplicationException web) {
      throw web;
    }
    LOG.error("SLA report {} failed", uriInfo.getPath(), e);
    return status(500, "ReportFailed", "报表暂时无法生成，请稍后重试；如持续出现请联系系统管理员。");
  }

  private Response status(int status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    try {
      return Response.status(status).type(JSON).entity(services().json().writeValueAsString(body)).build();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private boolean csv() {
    return "csv".equalsIgnoreCase(uriInfo.getQueryParameters().getFirst("format"));
  }

  private Map<String, String> query() {
    Map<String, String> query = new LinkedHashMap<>();
    uriInfo.getQueryParameters().forEach((name, values) -> {
      if (!values.isEmpty()) {
        query.put(name, values.get(0));
      }
    });
    return query;
  }

  private ReportCaller caller() {
    Authentication authentication = getCurrentAuthentication();
    if (authentication == null) {
      throw new jakarta.ws.rs.WebApplicationException(Response.Status.UNAUTHORIZED);
    }
    return new ReportCaller(authentication.getUserId(), authentication.getGroupIds(), authentication.getTenantIds());
  }

  private CockpitReports.Services services() {
    return CockpitReports.forEngine(engineName);
  }
}
