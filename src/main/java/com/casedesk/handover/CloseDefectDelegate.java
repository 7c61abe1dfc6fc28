package com.casedesk.handover;

import com.casedesk.handover.HandoverProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${closeDefectDelegate}}: the owner confirmed the rectification; the defect is closed. */
@Component
class CloseDefectDelegate implements JavaDelegate {

  private final UnitDefects defects;
  private final UnitEvents events;

  CloseDefectDelegate(UnitDefects defects, UnitEvents events) {
    this.defects = defects;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String confirmedBy = (String) execution.getVariable("confirmedBy");
    defects.closed(execution.getProcessBusinessKey(), confirmedBy);
    events.record((String) execution.getVariable(Var.UNIT_CODE), execution.getProcessBusinessKey(), "defect-closed",
        "问题关闭", confirmedBy);
  }
}
