/**
 * Mass complaints and emergency drills (群诉与应急演练): the early warning on every new complaint,
 * the {@code mass-complaint} process (grading, alert, response team, unified reply, parallel
 * response, progress updates, resolution, review), drills of the same process, and their
 * evaluation ({@code GET /api/reports/drills/{caseNumber}}).
 */
package com.casedesk.emergency;
