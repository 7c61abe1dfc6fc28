-- An owner's rating of a case's service after its callback (业主评价), from the owners' page.
CREATE TABLE owner_rating (
    case_number   VARCHAR(32)   NOT NULL PRIMARY KEY REFERENCES case_file (case_number),
    score         INTEGER       NOT NULL,
    comment       VARCHAR(1000),
    rated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT ck_owner_rating_score CHECK (score BETWEEN 1 AND 5)
);
