/**
 * The request and response types, generated from the contract's schemas at build time
 * ({@code target/generated-sources/openapi}). Properties the contract marks {@code nullable} or
 * optional may be {@code null}; the others are always present in the server's answers.
 * Build requests with {@link com.onautomate.opportunities.client.OpportunityRequests}.
 */
package com.onautomate.opportunities.client.model;
