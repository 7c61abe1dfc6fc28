package com.casedesk.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator created at first start (which closes Camunda Admin's open "create first
 * user" page). Outside the demo profile its password must come from CASEDESK_ADMIN_PASSWORD.
 */
@ConfigurationProperties("casedesk.admin")
record AdminProperties(String password) {}
