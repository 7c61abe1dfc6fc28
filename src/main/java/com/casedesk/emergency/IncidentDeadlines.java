package com.casedesk.emergency;

import com.casedesk.calendar.EngineClock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * {@code incidentDeadlines} in BPMN expressions: emergency deadlines run in calendar time, day and
 * night, e.g. {@code ${incidentDeadlines.fromNow('PT4H')}}.
 */
@Component("incidentDeadlines")
public class IncidentDeadlines {

  /** The engine clock's now plus an ISO-8601 duration. */
  public Date fromNow(String isoDuration) {
    return new Date(EngineClock.now().getTime() + Duration.parse(isoDuration).toMillis());
  }
}
