package com.casedesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseNumberFormatTest {

  @Test
  void numbers_read_type_day_and_a_four_digit_sequence() {
    assertThat(CaseNumbers.format(CaseType.COMPLAINT, LocalDate.of(2026, 11, 22), 7)).isEqualTo("TS-20261122-0007");
    assertThat(CaseNumbers.format(CaseType.REPAIR, LocalDate.of(2026, 1, 2), 12)).isEqualTo("BX-20260102-0012");
    assertThat(CaseNumbers.format(CaseType.MASS_COMPLAINT, LocalDate.of(2026, 1, 2), 1)).startsWith("QS-");
    assertThat(CaseNumbers.format(CaseType.HANDOVER, LocalDate.of(2026, 1, 2), 1)).startsWith("JF-");
  }

  @Test
  void a_day_with_more_than_9999_cases_widens_the_sequence() {
    assertThat(CaseNumbers.format(CaseType.REPAIR, LocalDate.of(2026, 1, 2), 10000)).isEqualTo("BX-20260102-10000");
    assertThat(CaseNumbers.typeOf("BX-20260102-10000")).isEqualTo(CaseType.REPAIR);
  }
}
