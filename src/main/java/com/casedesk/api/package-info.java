/**
 * What every {@code /api} door shares: field errors as problem+json 400s, Idempotency-Key
 * replays ({@code api_idempotency}), and the authenticated caller.
 */
package com.casedesk.api;
