-- Case numbers such as TS-20261122-0007: a counter per case type and day, and the register of
-- every number issued. The primary key of case_file is what makes a duplicate impossible.

CREATE TABLE case_number_counter (
    case_type   VARCHAR(4)  NOT NULL,
    case_day    DATE        NOT NULL,
    last_value  INTEGER     NOT NULL,
    PRIMARY KEY (case_type, case_day)
);

CREATE TABLE case_file (
    case_number          VARCHAR(32)  NOT NULL PRIMARY KEY,
    case_type            VARCHAR(4)   NOT NULL,
    company_code         VARCHAR(32)  REFERENCES company (code),
    process_instance_id  VARCHAR(64),
    created_at           TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX uq_case_file_process_instance ON case_file (process_instance_id);
