/**
 * The managers' reports (SLA 报表): the Cockpit plugin {@code casedesk-sla} (dashboard card, the
 * "SLA 报表" page, breach badges on the process diagram), the Tasklist plugin {@code casedesk-due}
 * (time left on every task card), and the report service behind them, which reads only CaseDesk's
 * own tables ({@code sla_event}, {@code sla_open_deadline}, the case tables), scoped to the
 * companies the caller works for.
 */
package com.casedesk.report;
