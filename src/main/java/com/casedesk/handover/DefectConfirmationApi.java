package com.casedesk.handover;

import com.casedesk.api.ApiCaller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

  private final OwnerDefectConfirmations confirmations;
  private final ApiCaller caller;

  DefectConfirmationApi(OwnerDefectConfirmations confirmations, ApiCaller caller) {
    this.confirmations = confirmations;
    this.caller = caller;
  }

  @PostMapping("/{caseNumber}/confirm")
  OwnerDefectConfirmations.Confirmed confirm(@PathVariable String caseNumber, @RequestBody Confirmation confirmation) {
    caller.requireAnyGroup(java.util.List.of(CHANNEL_GROUP), "业主确认（业主APP）");
    return confirmations.confirm(caseNumber, confirmation.phone(), confirmation.satisfied(), confirmation.comment());
  }
}
