-- Mass complaints and emergency drills (群诉与应急演练).

-- The incident record, written by every step of mass-complaint. open_key is "<project>|<category>"
-- while a real incident is active and NULL otherwise (drills, resolved, closed): its unique
-- constraint makes a second active incident for the same project and category impossible, even
-- when two complaints of a cluster are checked at the same moment.
CREATE TABLE mass_incident (
    case_number           VARCHAR(32)   NOT NULL PRIMARY KEY REFERENCES case_file (case_number),
    company_code          VARCHAR(32)   NOT NULL REFERENCES company (code),
    project_code          VARCHAR(32)   NOT NULL REFERENCES project (code),
    building_code         VARCHAR(32)   REFERENCES building (code),
    category              VARCHAR(32)   NOT NULL,
    description           VARCHAR(4000) NOT NULL,
    source                VARCHAR(16)   NOT NULL,
    drill                 BOOLEAN       DEFAULT FALSE NOT NULL,
    households_affected   INTEGER       NOT NULL,
    media_attention       BOOLEAN       DEFAULT FALSE NOT NULL,
    safety_risk           BOOLEAN       DEFAULT FALSE NOT NULL,
    level                 VARCHAR(4),
    update_cycle          VARCHAR(16),
    commander             VARCHAR(64),
    response_team         VARCHAR(1000),
    status                VARCHAR(16)   NOT NULL,
    open_key              VARCHAR(100),
    unified_reply         VARCHAR(2000),
    unified_reply_at      TIMESTAMP,
    progress_updates      INTEGER       DEFAULT 0 NOT NULL,
    missed_updates        INTEGER       DEFAULT 0 NOT NULL,
    root_cause            VARCHAR(2000),
    resolution            VARCHAR(2000),
    review_causes         VARCHAR(2000),
    review_what_worked    VARCHAR(2000),
    review_lessons        VARCHAR(2000),
    declared_by           VARCHAR(64),
    declared_at           TIMESTAMP     NOT NULL,
    resolved_at           TIMESTAMP,
    closed_at             TIMESTAMP,
    process_instance_id   VARCHAR(64)   NOT NULL,
    updated_at            TIMESTAMP     NOT NULL,
    CONSTRAINT uq_mass_incident_open UNIQUE (open_key),
    CONSTRAINT ck_mass_incident_status CHECK (status IN ('ACTIVE', 'RESOLVED', 'CLOSED')),
    CONSTRAINT ck_mass_incident_source CHECK (source IN ('EARLY_WARNING', 'MANUAL', 'DRILL')),
    CONSTRAINT ck_mass_incident_level CHECK (level IS NULL OR level IN ('I', 'II', 'III'))
);
CREATE INDEX ix_mass_incident_company ON mass_incident (company_code, declared_at);

-- Each step of an incident's response with its target (emergency-response-targets.dmn), due and
-- done time: the drill evaluation reads it, and so will the SLA reports.
CREATE TABLE mass_incident_step (
    case_number      VARCHAR(32)   NOT NULL REFERENCES mass_incident (case_number),
    step             VARCHAR(32)   NOT NULL,
    target           VARCHAR(16)   NOT NULL,
    target_minutes   BIGINT        NOT NULL,
    due_at           TIMESTAMP     NOT NULL,
    done_at          TIMESTAMP,
    escalated        BOOLEAN       DEFAULT FALSE NOT NULL,
    PRIMARY KEY (case_number, step)
);

-- A drill's evaluation (演练评估), written once when the drill closes.
CREATE TABLE drill_evaluation (
    case_number     VARCHAR(32)   NOT NULL PRIMARY KEY REFERENCES mass_incident (case_number),
    company_code    VARCHAR(32)   NOT NULL REFERENCES company (code),
    evaluated_at    TIMESTAMP     NOT NULL,
    passed          BOOLEAN       NOT NULL,
    steps_passed    INTEGER       NOT NULL,
    steps_total     INTEGER       NOT NULL
);

-- Serialises the early-warning check per project and category: the check of one complaint waits
-- for the check of its neighbour, then counts what that one committed.
CREATE TABLE early_warning_lock (
    project_code   VARCHAR(32)   NOT NULL REFERENCES project (code),
    category       VARCHAR(32)   NOT NULL,
    checked_at     TIMESTAMP,
    PRIMARY KEY (project_code, category)
);

-- A complaint linked to a mass incident waits for its unified reply; drills are kept out of KPIs.
ALTER TABLE complaint_case ADD COLUMN mass_incident VARCHAR(32) REFERENCES mass_incident (case_number);
ALTER TABLE complaint_case ADD COLUMN drill BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_complaint_case_cluster ON complaint_case (project_code, category, registered_at);
CREATE INDEX ix_complaint_case_incident ON complaint_case (mass_incident);
ALTER TABLE sla_event ADD COLUMN drill BOOLEAN DEFAULT FALSE NOT NULL;
