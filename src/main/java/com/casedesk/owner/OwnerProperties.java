package com.casedesk.owner;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The owners' public door ({@code casedesk.owner.*}).
 *
 * @param requestsPerMinute requests one client address may make to /owner/api per minute
 * @param maxBodyBytes the largest request body /owner/api accepts
 */
@Validated
@ConfigurationProperties("casedesk.owner")
record OwnerProperties(@Min(1) int requestsPerMinute, @Min(256) int maxBodyBytes) {}
