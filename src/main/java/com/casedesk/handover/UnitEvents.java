package com.casedesk.handover;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history of a unit (table unit_event): what happened, to which case, who did it, when. */
@Repository
class UnitEvents {

  /** One event. */
  record Event(String caseNumber, String event, String detail, String actor, LocalDateTime occurredAt) {}

  private final JdbcClient jdbc;

  UnitEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(String unitCode, String caseNumber, String event, String detail, String actor) {
    String trimmed = detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000));
    jdbc.sql("INSERT INTO unit_event (unit_code, case_number, event, detail, actor, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(unitCode, caseNumber, event, trimmed, actor, UnitHandovers.now()).update();
  }

  List<Event> ofUnit(String unitCode) {
    return jdbc.sql("SELECT case_number, event, detail, actor, occurred_at FROM unit_event WHERE unit_code = ? ORDER BY occurred_at, id")
        .param(unitCode).query(Event.class).list();
  }
}
