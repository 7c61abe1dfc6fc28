package com.casedesk.emergency;

import com.casedesk.calendar.EngineClock;
import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.complaint.ComplaintCase;
import com.casedesk.complaint.ComplaintCases;
import com.casedesk.complaint.ComplaintProcess;
import com.casedesk.emergency.MassComplaintProcess.Source;
import com.casedesk.emergency.MassComplaintProcess.Var;
import com.casedesk.models.DecisionResults;
import com.casedesk.notification.CaseMessages;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkMassComplaintDelegate}}, the early warning (预警) in complaint-handling after a
 * complaint is classified: if a real mass incident is active for the project and category, the
 * complaint joins it; otherwise, when the households (units; for a public-area complaint, callers)
 * behind the unlinked open complaints of the category in the project within the window reach the
 * threshold (mass-complaint-early-warning.dmn, result {@code earlyWarningRule}), those complaints
 * raise a new incident together. One household complaining five times is not a mass complaint. Checks of one project and
 * category run one at a time (a lock row), so a cluster raises one incident, not two.
 */
@Component
class CheckMassComplaintDelegate implements JavaDelegate {

  static final String RULE = "earlyWarningRule";

  private final ComplaintCases complaints;
  private final MassIncidents incidents;
  private final IncidentLinks links;
  private final CaseNumbers caseNumbers;
  private final EmergencyProperties properties;
  private final RuntimeService runtimeService;

  CheckMassComplaintDelegate(ComplaintCases complaints, MassIncidents incidents, IncidentLinks links,
      CaseNumbers caseNumbers, EmergencyProperties properties, @Lazy RuntimeService runtimeService) {
    this.complaints = complaints;
    this.incidents = incidents;
    this.links = links;
    this.caseNumbers = caseNumbers;
    this.properties = properties;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> rule = DecisionResults.take(execution, RULE);
    String caseNumber = execution.getProcessBusinessKey();
    ComplaintCase complaint = complaints.find(caseNumber).orElseThrow();
    if (complaint.drill() || complaint.massIncident() != null) {
      return; // a drill's complaint, or one linked already: no early warning of its own
    }
    if (rule == null || !(rule.get("threshold") instanceof Number threshold) || !(rule.get("windowHours") instanceof Number hours)) {
      throw new IllegalStateException("mass-complaint-early-warning.dmn matched no rule for category " + complaint.category());
    }
    incidents.lockEarlyWarning(complaint.projectCode(), complaint.category());
    var active = incidents.activeFor(complaint.projectCode(), complaint.category());
    if (active.isPresent()) {
      links.link(active.get().caseNumber(), caseNumber, false);
      execution.setVariable(ComplaintProcess.Var.MASS_INCIDENT, active.get().caseNumber());
      return;
    }
    Date since = new Date(EngineClock.now().getTime() - Duration.ofHours(hours.longValue()).toMillis());
    if (complaints.unlinkedClusterHouseholds(complaint.projectCode(), complaint.category(), since) < threshold.intValue()) {
      return; // counted by the database: no complaint row is loaded while the project's lock is held
    }
    List<ComplaintCase> cluster = complaints.unlinkedCluster(complaint.projectCode(), null, complaint.category(), since);
    String incident = raise(execution, complaint, cluster, hours.intValue());
    execution.setVariable(ComplaintProcess.Var.MASS_INCIDENT, incident);
  }

  /** Distinct households: the unit, or the caller of a public-area complaint. */
  static int households(List<ComplaintCase> cluster) {
    return (int) cluster.stream().map(c -> c.unitCode() == null ? "phone:" + c.contactPhone() : c.unitCode()).distinct().count();
  }

  private String raise(DelegateExecution execution, ComplaintCase complaint, List<ComplaintCase> cluster, int hours) {
    String incident = caseNumbers.issue(CaseType.MASS_COMPLAINT, complaint.companyCode());
    List<String> buildings = cluster.stream().map(c -> complaints.buildingOf(c.caseNumber()).orElse(null)).distinct().toList();
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.PROJECT_CODE, complaint.projectCode());
    variables.put(Var.BUILDING_CODE, buildings.size() == 1 ? buildings.get(0) : null);
    variables.put(Var.CATEGORY, complaint.category());
    String samples = cluster.stream().map(ComplaintCase::description).filter(Objects::nonNull).limit(3)
        .map(text -> text.length() > 100 ? text.substring(0, 100) + "…" : text)
        .collect(Collectors.joining("；"));
    variables.put(Var.DESCRIPTION, CaseMessages.fill(properties.messages().earlyWarning(), execution, Map.of(
        "hours", String.valueOf(hours), "households", String.valueOf(households(cluster)),
        "complaints", String.valueOf(cluster.size()), "samples", samples,
        "categoryLabel", properties.label("category", complaint.category()))));
    variables.put(Var.HOUSEHOLDS_AFFECTED, households(cluster));
    variables.put(Var.MEDIA_ATTENTION, false);
    variables.put(Var.SAFETY_RISK, false);
    variables.put(Var.DRILL, false);
    variables.put(Var.SOURCE, Source.EARLY_WARNING.name());
    variables.put(Var.LINKED_COMPLAINTS, cluster.stream().map(ComplaintCase::caseNumber).collect(Collectors.joining(",")));
    variables.put(Var.TRIGGERING_COMPLAINT, execution.getProcessBusinessKey());
    runtimeService.createProcessInstanceByKey(MassComplaintProcess.PROCESS_KEY)
        .businessKey(incident)
        .setVariables(variables)
        .execute();
    return incident;
  }
}
