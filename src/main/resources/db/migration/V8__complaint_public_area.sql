-- A complaint about a project's public area (garden, car park, lobby) has a project but no unit.
ALTER TABLE complaint_case ALTER COLUMN unit_code DROP NOT NULL;
