-- Job acquisition with timers first, then by due date (camunda.bpm.generic-properties.properties:
-- job-executor-prefer-timer-jobs and job-executor-acquire-by-due-date, application.yaml). The
-- acquisition query then ends in ORDER BY TYPE_ DESC, DUEDATE_ ASC; this is the index Camunda's
-- documentation recommends for that combination ("The Job Order of Job Acquisition", the job
-- executor chapter of the user guide). Measured: bench/timer-storm.py, docs/performance.md.
CREATE INDEX IF NOT EXISTS casedesk_job_acquisition ON act_ru_job (type_ DESC, duedate_ ASC);
