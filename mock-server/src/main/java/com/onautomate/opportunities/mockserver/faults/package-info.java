/**
 * Injected faults and latency, for testing clients' retries and timeouts: per request by
 * {@code Prefer: fault=} and {@code delay=}, and for a share of all requests by the
 * {@code onautomate.faults.*} settings, drawn from a seeded sequence. Off unless asked for, and
 * only under {@code /v1/}. Kept apart from the features: nothing outside this package knows it exists
 * but its place in {@code web.FilterOrder}.
 */
package com.onautomate.opportunities.mockserver.faults;
