-- The daily inventory of open complaints (投诉日盘点): per company and working day, each open
-- complaint with its responsible person; overdue ones with a root cause. Source of the weekly
-- analysis of overdue complaints.
CREATE TABLE complaint_inventory (
    inventory_day       DATE          NOT NULL,
    company_code        VARCHAR(32)   NOT NULL REFERENCES company (code),
    case_number         VARCHAR(32)   NOT NULL REFERENCES complaint_case (case_number),
    overdue             BOOLEAN       NOT NULL,
    age_days            INTEGER       NOT NULL,
    responsible_person  VARCHAR(64),
    root_cause          VARCHAR(1000),
    reviewed_by         VARCHAR(64),
    recorded_at         TIMESTAMP     NOT NULL,
    PRIMARY KEY (inventory_day, case_number)
);
CREATE INDEX ix_complaint_inventory_company ON complaint_inventory (company_code, inventory_day);
