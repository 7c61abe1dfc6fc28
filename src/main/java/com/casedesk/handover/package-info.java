/**
 * Handover and defect rectification (交付与遗留问题整改): {@code unit-handover} per unit (or in bulk
 * for a building), the unit case file (单元房案例, {@code GET /api/units/{unitCode}/case-file}),
 * {@code defect-rectification} per defect with contractor deadlines and owner sign-off
 * ({@code POST /api/defects/{caseNumber}/confirm}), welcome, care visit and warranty reminders,
 * and the monthly contractor quality statistics ({@code GET /api/reports/contractors}).
 */
package com.casedesk.handover;
