package com.casedesk.identity;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The administrator created at first start (which closes Camunda Admin's open "create first
 * user" page). Outside the demo profile its password must come from CASEDESK_ADMIN_PASSWORD:
 * start-up fails with this message rather than create an administrator with an empty password.
 */
@Validated
@ConfigurationProperties("casedesk.admin")
record AdminProperties(
    @NotBlank(message = "set CASEDESK_ADMIN_PASSWORD (the password of the Camunda administrator)")
    String password) {}
