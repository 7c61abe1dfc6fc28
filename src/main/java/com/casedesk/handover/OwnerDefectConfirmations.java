package com.casedesk.handover;

import com.casedesk.api.ApiCaller;
import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.handover.HandoverProcess.Defect;
import com.casedesk.handover.HandoverProcess.Var;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * An owner's view of a defect of their unit and their confirmation of its rectification, by the
 * defect's number and the phone on file (the owner app and the owners' page share it). A wrong
 * pair and an unknown number are the same 404; a defect not waiting for the owner is a 409.
 */
@Service
public class OwnerDefectConfirmations {

  /** A defect as its owner sees it. */
  public record DefectView(String caseNumber, String room, String location, String description, String status,
      boolean awaitingConfirmation, LocalDateTime recordedAt, LocalDateTime dueAt, LocalDateTime verifiedAt,
      LocalDateTime confirmedAt) {}

  /** The owner's answer, recorded. */
  public record Confirmed(String caseNumber, boolean satisfied) {}

  private final UnitDefects defects;
  private final UnitHandovers handovers;
  private final UnitEvents events;
  private final RuntimeService runtimeService;
  private final ApiCaller caller;

  OwnerDefectConfirmations(UnitDefects defects, UnitHandovers handovers, UnitEvents events,
      @Lazy RuntimeService runtimeService, ApiCaller caller) {
    this.defects = defects;
    this.handovers = handovers;
    this.events = events;
    this.runtimeService = runtimeService;
    this.caller = caller;
  }

  /** The defect, if the phone is the one on file for its unit's handover. */
  public Optional<DefectView> find(String caseNumber, String phone) {
    return ofOwner(caseNumber, phone).map(d -> new DefectView(d.caseNumber(), d.room(), d.location(), d.description(),
        d.status(), "VERIFIED".equals(d.status()), d.recordedAt(), d.dueAt(), d.verifiedAt(), d.confirmedAt()));
  }

  @Transactional
  public Confirmed confirm(String caseNumber, String phoneInput, Boolean satisfiedInput, String commentInput) {
    boolean satisfied = satisfiedInput == null || satisfiedInput;
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> input = new HashMap<>();
    input.put("phone", phoneInput);
    input.put("comment", commentInput);
    String phone = FieldChecks.phone(errors, input, "phone");
    String comment = FieldChecks.plainText(errors, input, "comment", !satisfied, 1000);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("确认信息有误", errors);
    }
    UnitDefects.Defect defect = ofOwner(caseNumber, phone)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有与该电话匹配的问题"));
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.OWNER_SATISFIED, satisfied);
    variables.put(Var.CONFIRMATION_NOTE, comment);
    variables.put("confirmedBy", "owner");
    // owners have no permission on process instances: the phone on file is the owner's right
    boolean waiting = caller.asEngine(() -> !runtimeService.createMessageCorrelation(Defect.MESSAGE_OWNER_CONFIRMED)
        .processInstanceBusinessKey(defect.caseNumber())
        .setVariables(variables)
        .correlateAllWithResult().isEmpty());
    if (!waiting) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "问题 " + caseNumber + " 当前无需业主确认");
    }
    events.record(defect.unitCode(), caseNumber, satisfied ? "owner-confirmed" : "owner-refused",
        (satisfied ? "业主在线确认整改完成" : "业主在线表示不认可整改") + (comment == null ? "" : "：" + comment), "owner");
    return new Confirmed(caseNumber, satisfied);
  }

  private Optional<UnitDefects.Defect> ofOwner(String caseNumber, String phone) {
    if (caseNumber == null || phone == null) {
      return Optional.empty();
    }
    return defects.find(caseNumber)
        .filter(d -> handovers.find(d.handoverCase()).map(h -> h.ownerPhone().equals(phone)).orElse(false));
  }
}
