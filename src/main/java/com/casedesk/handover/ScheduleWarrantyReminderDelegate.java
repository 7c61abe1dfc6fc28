package com.casedesk.handover;

import com.casedesk.handover.HandoverProcess.Var;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${scheduleWarrantyReminderDelegate}}, once per warranty item ({@code warrantyItem}):
 * the reminder's date ({@code remindAt}, local to the item), which the timer that follows waits
 * for, in the database: it survives restarts however many years away it is.
 */
@Component
class ScheduleWarrantyReminderDelegate implements JavaDelegate {

  private final WarrantyTerms terms;
  private final HandoverProperties properties;

  ScheduleWarrantyReminderDelegate(WarrantyTerms terms, HandoverProperties properties) {
    this.terms = terms;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String item = (String) execution.getVariable(Var.WARRANTY_ITEM);
    Date handedOverAt = (Date) execution.getVariable(Var.HANDED_OVER_AT);
    execution.setVariableLocal(Var.REMIND_AT, terms.reminderOf(item, handedOverAt));
    execution.setVariableLocal("warrantyLabel", properties.term(item).label());
    execution.setVariableLocal("warrantyEndText", terms.endOf(item, handedOverAt).toString());
  }
}
