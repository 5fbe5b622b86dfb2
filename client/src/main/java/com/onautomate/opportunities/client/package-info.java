/**
 * The Java client of the OnAutomate Opportunities API v1.1.1.
 *
 * <p>Start with {@link com.onautomate.opportunities.client.OpportunitiesClient#builder()}. The
 * request and response types are the generated models in
 * {@code com.onautomate.opportunities.client.model}; every failure is an unchecked
 * {@link com.onautomate.opportunities.client.OpportunitiesException}.
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package com.onautomate.opportunities.client;

import org.jspecify.annotations.NullMarked;
