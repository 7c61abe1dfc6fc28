package com.casedesk.handover;

import com.casedesk.api.ApiCaller;
import com.casedesk.api.FieldChecks;
import com.casedesk.api.InvalidInputException;
import com.casedesk.api.InvalidInputException.FieldError;
import com.casedesk.handover.HandoverProcess.Defect;
import com.casedesk.handover.HandoverProcess.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/defects/{caseNumber}/confirm} from the owner app ({@code channel-app}): the
 * owner, identified by the phone on file for the unit, confirms a verified rectification (or
 * sends it back with {@code "satisfied": false} and a comment). An unknown defect and a wrong
 * phone get the same 404, so numbers cannot be probed; a defect not waiting for the owner gets 409.
 */
@RestController
@RequestMapping("/api/defects")
class DefectConfirmationApi {

  static final String CHANNEL_GROUP = "channel-app";

  /** The owner's answer. */
  record Confirmation(String phone, Boolean satisfied, String comment) {}

  /** What the owner app shows afterwards. */
  record Confirmed(String caseNumber, boolean satisfied) {}

  private final UnitDefects defects;
  private final UnitHandovers handovers;
  private final UnitEvents events;
  private final RuntimeService runtimeService;
  private final ApiCaller caller;

  DefectConfirmationApi(UnitDefects defects, UnitHandovers handovers, UnitEvents events, RuntimeService runtimeService,
      ApiCaller caller) {
    this.defects = defects;
    this.handovers = handovers;
    this.events = events;
    this.runtimeService = runtimeService;
    this.caller = caller;
  }

  @PostMapping("/{caseNumber}/confirm")
  @Transactional
  Confirmed confirm(@PathVariable String caseNumber, @RequestBody Confirmation confirmation) {
    if (!caller.groupIds().contains(CHANNEL_GROUP)) {
      throw new ApiCaller.ForbiddenException("业主确认仅限业主APP（channel-app）");
    }
    boolean satisfied = confirmation.satisfied() == null || confirmation.satisfied();
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> input = new HashMap<>();
    input.put("phone", confirmation.phone());
    input.put("comment", confirmation.comment());
    String phone = FieldChecks.phone(errors, input, "phone");
    String comment = FieldChecks.plainText(errors, input, "comment", !satisfied, 1000);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("确认信息有误", errors);
    }
    UnitDefects.Defect defect = defects.find(caseNumber)
        .filter(d -> handovers.find(d.handoverCase()).map(h -> h.ownerPhone().equals(phone)).orElse(false))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有与该电话匹配的问题：" + caseNumber));
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.OWNER_SATISFIED, satisfied);
    variables.put(Var.CONFIRMATION_NOTE, comment);
    variables.put("confirmedBy", "owner");
    // the owner app has no permission on process instances: the phone on file is the owner's right
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
}
