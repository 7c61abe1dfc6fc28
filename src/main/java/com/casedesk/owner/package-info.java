/**
 * The owner's channel (业主自助): the page {@code /owner/} and its public endpoints
 * {@code /owner/api/*}: submit a complaint or a repair for one's own unit with the phone on
 * file, and track a case by number and phone. No engine identity: the phone on file is the
 * owner's right, checked here; every endpoint is rate-limited and size-limited.
 */
package com.casedesk.owner;
