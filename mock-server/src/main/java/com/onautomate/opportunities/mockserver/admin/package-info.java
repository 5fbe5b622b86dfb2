/**
 * The mock server's own endpoints under {@code /__admin/}, outside the contract and its
 * {@code /openapi.yaml} (described by {@code /__admin/openapi.yaml}): reset to the start state and
 * the request journal; loopback callers only, or an admin token. No fault, delay, CORS header, rate
 * limit or kept answer applies to them (those filters act on {@code /v1/} only).
 */
package com.onautomate.opportunities.mockserver.admin;
