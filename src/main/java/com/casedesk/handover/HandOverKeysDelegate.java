package com.casedesk.handover;

import com.casedesk.calendar.EngineClock;
import com.casedesk.handover.HandoverProcess.Var;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${handOverKeysDelegate}}: the owner accepted, with or without open defects; the keys
 * are handed over now, which starts the care visit's week and every warranty period.
 */
@Component
class HandOverKeysDelegate implements JavaDelegate {

  private final UnitHandovers handovers;
  private final UnitEvents events;
  private final HandoverProperties properties;

  HandOverKeysDelegate(UnitHandovers handovers, UnitEvents events, HandoverProperties properties) {
    this.handovers = handovers;
    this.events = events;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = EngineClock.now();
    handovers.handedOver(execution.getProcessBusinessKey());
    events.record((String) execution.getVariable(Var.UNIT_CODE), execution.getProcessBusinessKey(), "keys-handed-over",
        "业主收楼，钥匙已交付", (String) execution.getVariable(Var.FIRST_CONTACT_OWNER));
    execution.setVariable(Var.HANDED_OVER_AT, now);
    execution.setVariable(Var.CARE_VISIT_DUE, new Date(now.getTime() + properties.careVisitWithin().toMillis()));
  }
}
