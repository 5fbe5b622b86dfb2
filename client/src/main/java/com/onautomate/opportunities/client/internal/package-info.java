/**
 * Internal: the Retrofit interface generated from the contract at build time
 * ({@code target/generated-sources/openapi}). Not part of the client's API and may change in any
 * release; use {@link com.onautomate.opportunities.client.OpportunitiesClient}.
 */
package com.onautomate.opportunities.client.internal;
