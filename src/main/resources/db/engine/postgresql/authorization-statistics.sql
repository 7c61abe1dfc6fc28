-- PostgreSQL only (14 or later). Statistics on the permission bits the engine's authorization
-- checks filter on: A.PERMS_ & 2 = 2 (READ), & 64 (READ_TASK), & 512 (READ_INSTANCE). Without
-- them PostgreSQL guesses that 0.5 % of a group's grants pass such a test, while with Camunda's
-- per-task grants (one per open task and candidate group) half of the table does: it then plans
-- the authorization join of the engine's queries as a nested loop over every grant. Measured on
-- the variable query Tasklist sends for a filter's list of 15 tasks at 100,000 open tasks: 411 ms
-- without, 7 ms with (docs/performance.md, "Tasklist at 100,000 open tasks"). They help only plans
-- made for the actual values: once the driver has prepared a statement on the server and
-- PostgreSQL has switched it to a generic plan, the permission values are parameters again.
CREATE STATISTICS IF NOT EXISTS casedesk_authorization_perms
  ON (perms_ & 2), (perms_ & 64), (perms_ & 512) FROM act_ru_authorization;
ANALYZE act_ru_authorization;
