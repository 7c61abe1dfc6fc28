package com.casedesk.handover;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code handoverBatches} in unit-handover-batch: the planned units of a building, kept as one
 * text variable ({@code unitCode@appointment;…}) and split for the multi-instance start.
 */
@Component("handoverBatches")
public class HandoverBatches {

  static final String SEPARATOR = ";";
  static final String AT = "@";

  /** The planned units, each "unitCode@ISO-instant". */
  public List<String> split(String batchUnits) {
    return batchUnits == null || batchUnits.isBlank() ? List.of()
        : Arrays.stream(batchUnits.split(SEPARATOR)).filter(unit -> !unit.isBlank()).toList();
  }
}
