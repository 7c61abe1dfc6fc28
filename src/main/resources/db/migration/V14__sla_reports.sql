-- The SLA reports (Cockpit plugin "SLA 报表") read only these tables, never the engine's history.

-- the project of a deadline (null for group-level work such as the daily inventory)
ALTER TABLE sla_event ADD COLUMN project_code VARCHAR(32);
-- report filters: a period of completion, per company, optionally one process and step
CREATE INDEX ix_sla_event_done ON sla_event (done_at, company_code);
CREATE INDEX ix_sla_event_process_step ON sla_event (process_key, step_id, done_at);

-- Every deadline still open: one row per active user task with a due date, written when the task
-- is created or its due date or assignee changes, removed when it completes or is deleted. The
-- source of "open cases past due now" and of open breaches in the breach list.
CREATE TABLE sla_open_deadline (
    task_id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_number          VARCHAR(32),
    company_code         VARCHAR(32),
    project_code         VARCHAR(32),
    process_key          VARCHAR(100)  NOT NULL,
    process_instance_id  VARCHAR(64)   NOT NULL,
    step_id              VARCHAR(100)  NOT NULL,
    step_name            VARCHAR(200),
    responsible_group    VARCHAR(200),
    assignee             VARCHAR(64),
    due_at               TIMESTAMP     NOT NULL,
    created_at           TIMESTAMP     NOT NULL,
    drill                BOOLEAN       DEFAULT FALSE NOT NULL
);
CREATE INDEX ix_sla_open_deadline_company_due ON sla_open_deadline (company_code, due_at);
CREATE INDEX ix_sla_open_deadline_case ON sla_open_deadline (case_number);
