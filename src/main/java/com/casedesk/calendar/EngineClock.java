package com.casedesk.calendar;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's notion of "now": what {@code now()} in a BPMN expression returns and what timers
 * use, so that tests which move the engine clock move ours too. The one place CaseDesk touches
 * an engine {@code impl} class (Operaton has the same class under {@code org.operaton}).
 */
public final class EngineClock {

  private EngineClock() {}

  public static Date now() {
    return ClockUtil.getCurrentTime();
  }
}
