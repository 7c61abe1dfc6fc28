/**
 * What CaseDesk's own SQL needs to know about the database it runs on (H2 embedded, PostgreSQL in
 * production).
 */
package com.casedesk.database;
