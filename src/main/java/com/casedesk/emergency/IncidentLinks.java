package com.casedesk.emergency;

import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.complaint.ComplaintCase;
import com.casedesk.complaint.ComplaintCases;
import com.casedesk.complaint.ComplaintProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Links complaints to a mass incident: the case record says so, and a complaint still waiting
 * for its first reply is told ({@code MassIncidentLinked}), so it waits for the unified reply.
 */
@Service
class IncidentLinks {

  private final ComplaintCases complaints;
  private final MassIncidents incidents;
  private final RuntimeService runtimeService;

  IncidentLinks(ComplaintCases complaints, MassIncidents incidents, @Lazy RuntimeService runtimeService) {
    this.complaints = complaints;
    this.incidents = incidents;
    this.runtimeService = runtimeService;
  }

  /** Case numbers from a form's text: separated by commas, spaces or 、; blanks dropped. */
  static List<String> parse(Object text) {
    if (text == null || text.toString().isBlank()) {
      return List.of();
    }
    Set<String> numbers = new LinkedHashSet<>(Arrays.asList(text.toString().trim().split("[\\s,，、;；]+")));
    numbers.remove("");
    return List.copyOf(numbers);
  }

  /**
   * Checks that every complaint can join the incident: a complaint of its project, of a drill
   * exactly when the incident is one, not closed, not linked to another incident.
   */
  List<FieldError> check(MassIncident incident, List<String> caseNumbers, String field) {
    List<FieldError> errors = new ArrayList<>();
    for (String number : caseNumbers) {
      ComplaintCase complaint = complaints.find(number).orElse(null);
      if (complaint == null) {
        errors.add(new FieldError(field, "投诉编号不存在：" + number));
      } else if (!complaint.projectCode().equals(incident.projectCode())) {
        errors.add(new FieldError(field, "投诉 " + number + " 不属于项目 " + incident.projectCode()));
      } else if (complaint.drill() != incident.drill()) {
        errors.add(new FieldError(field, "投诉 " + number + (complaint.drill() ? " 是演练投诉" : " 是真实投诉") + "，不能关联到"
            + (incident.drill() ? "演练" : "真实事件")));
      } else if ("CLOSED".equals(complaint.status())) {
        errors.add(new FieldError(field, "投诉 " + number + " 已关闭"));
      } else if (complaint.massIncident() != null && !complaint.massIncident().equals(incident.caseNumber())) {
        errors.add(new FieldError(field, "投诉 " + number + " 已关联群诉事件 " + complaint.massIncident()));
      }
    }
    return errors;
  }

  /** Checks and links, or refuses all with the reasons. */
  void linkAll(String incidentCaseNumber, List<String> caseNumbers, String field, String exceptComplaint) {
    MassIncident incident = incidents.lock(incidentCaseNumber)
        .orElseThrow(() -> new IllegalStateException("No mass incident " + incidentCaseNumber));
    List<FieldError> errors = check(incident, caseNumbers, field);
    if (!MassIncident.ACTIVE.equals(incident.status())) {
      errors.add(new FieldError(field, "群诉事件 " + incidentCaseNumber + " 已解决，不能再关联投诉"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("无法关联投诉", errors);
    }
    for (String number : caseNumbers) {
      link(incidentCaseNumber, number, !number.equals(exceptComplaint));
    }
  }

  /**
   * Tells every complaint linked to the incident, with one variable set on it; a complaint not
   * waiting for this message (already past that point) is left as it is.
   */
  void tellLinked(String incidentCaseNumber, String message, String variable, Object value) {
    for (ComplaintCase complaint : complaints.linkedTo(incidentCaseNumber)) {
      runtimeService.createMessageCorrelation(message)
          .processInstanceId(complaint.processInstanceId())
          .setVariable(variable, value)
          .correlateAllWithResult();
    }
  }

  /**
   * Links one complaint (once; a complaint stays with its first incident). With
   * {@code tellProcess}, its process learns of the link; the complaint whose own step is linking
   * it sets its variable itself.
   */
  boolean link(String incidentCaseNumber, String complaintCaseNumber, boolean tellProcess) {
    if (!complaints.linkToIncident(complaintCaseNumber, incidentCaseNumber)) {
      return false;
    }
    if (tellProcess) {
      String processInstanceId = complaints.find(complaintCaseNumber).orElseThrow().processInstanceId();
      if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
        runtimeService.setVariable(processInstanceId, ComplaintProcess.Var.MASS_INCIDENT, incidentCaseNumber);
        runtimeService.createMessageCorrelation(ComplaintProcess.Message.LINKED_TO_INCIDENT)
            .processInstanceId(processInstanceId)
            .correlateAllWithResult();
      }
    }
    return true;
  }
}
