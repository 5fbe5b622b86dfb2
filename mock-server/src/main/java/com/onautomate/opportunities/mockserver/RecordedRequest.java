package com.onautomate.opportunities.mockserver;

import java.time.Instant;
import java.util.Map;

/**
 * A request the mock server received, as its request journal keeps it ({@link MockServer#requests},
 * {@code GET /__admin/requests}).
 *
 * @param id order of recording (when the answer ended), from 1
 * @param time when the request arrived
 * @param query the query string as sent (percent-encoded), null without one
 * @param status the status answered
 * @param locationId the location of the bearer token, null when the token was missing or unknown
 * @param headers by lower-case name, several values joined by {@code ", "}; {@code authorization}
 *     masked to its scheme and, for a token of 12 characters or more, its last 4 ({@code Bearer ***})
 * @param body the body as text (UTF-8), at most the journal's body bytes; null without a body
 * @param bodyTruncated whether the body was longer than what is kept
 */
public record RecordedRequest(long id, Instant time, String method, String path, String query, int status,
                              long durationMs, String locationId, Map<String, String> headers, String body,
                              boolean bodyTruncated) {
}
