package com.casedesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.casedesk.casefile.CaseNumbers;
import com.casedesk.casefile.CaseType;
import com.casedesk.support.CaseDeskIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A case's escalation level only rises, whatever order its deadlines pass in. */
@CaseDeskIntegrationTest
class ComplaintCasesIT {

  @Autowired ComplaintCases cases;
  @Autowired CaseNumbers caseNumbers;

  @Test
  void the_escalation_level_rises_and_never_falls() {
    String caseNumber = caseNumbers.issue(CaseType.COMPLAINT, "sz");
    cases.insert(new ComplaintCases.NewComplaint(caseNumber, "sz", "sz-sjhc", "sz-sjhc-01-0801", null, "王先生",
        "13800000009", "hotline", "property", null, "电梯异响", "sz-frontdesk", "sz-frontdesk", "pi-" + caseNumber, null, false));

    cases.escalated(caseNumber, ComplaintCase.EscalationLevel.GM);
    assertThat(level(caseNumber)).isEqualTo("GM");
    // the callback's deadline passes later: a supervisor's escalation does not lower the case
    cases.escalated(caseNumber, ComplaintCase.EscalationLevel.SUPERVISOR);
    assertThat(level(caseNumber)).isEqualTo("GM");
    cases.escalated(caseNumber, ComplaintCase.EscalationLevel.GM);
    assertThat(level(caseNumber)).isEqualTo("GM");
    cases.escalated(caseNumber, ComplaintCase.EscalationLevel.GROUP_CENTRE);
    assertThat(level(caseNumber)).isEqualTo("GROUP_CENTRE");
  }

  @Test
  void escalating_a_case_that_does_not_exist_is_an_error() {
    assertThatThrownBy(() -> cases.escalated("TS-NO-SUCH-CASE", ComplaintCase.EscalationLevel.SUPERVISOR))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("TS-NO-SUCH-CASE");
  }

  private String level(String caseNumber) {
    return cases.find(caseNumber).orElseThrow().escalationLevel();
  }
}
